using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stub.</summary>
internal static class StripeConnectEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        _ = group;
        _ = state;
    }
}
