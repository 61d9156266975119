using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>Stub.</summary>
internal static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        _ = group;
        _ = state;
    }
}
