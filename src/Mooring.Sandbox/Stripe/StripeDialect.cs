using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stub.</summary>
internal sealed class StripeDialect(SandboxState state) : ProviderDialect
{
    public override string Provider => state.Options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override IResult Error(HttpContext context, int status) => Results.StatusCode(status);

    public override IResult RateLimited(HttpContext context, TimeSpan retryAfter) => Results.StatusCode(429);
}
