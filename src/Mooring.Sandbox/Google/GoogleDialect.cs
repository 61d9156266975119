using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>Google's habits: its error object, and per-user quotas answered with 403 userRateLimitExceeded or 429 RESOURCE_EXHAUSTED.</summary>
internal sealed class GoogleDialect(SandboxState state) : ProviderDialect
{
    public override string Provider => SandboxProvider.Google;

    public override IResult Error(HttpContext context, int status) => status switch
    {
        503 => GoogleErrors.Error(503, "The service is currently unavailable.", "backendError", "UNAVAILABLE"),
        >= 500 => GoogleErrors.Error(status, "Internal error encountered.", "backendError", "INTERNAL"),
        _ => GoogleErrors.Error(status, "The request failed.", "failedPrecondition", "FAILED_PRECONDITION"),
    };

    public override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) => state.Options.RateLimits.GoogleUses429
        ? GoogleErrors.Error(429, "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service.", "rateLimitExceeded", "RESOURCE_EXHAUSTED")
        : GoogleErrors.Error(403, "User Rate Limit Exceeded", "userRateLimitExceeded", "PERMISSION_DENIED", "usageLimits");

    public override IResult? Limit(HttpContext context, string endpoint)
    {
        if (!endpoint.StartsWith("gmail.", StringComparison.Ordinal) && !endpoint.StartsWith("calendar.", StringComparison.Ordinal))
        {
            return null;
        }

        var token = OAuth.BasicCredentials.Bearer(context.Request) ?? "anonymous";
        var user = state.Tokens.Check(SandboxProvider.Google, token).Token?.Grant.User ?? token;
        var decision = state.Limiter.Acquire("google:" + user, state.Options.RateLimits.GooglePerUserPerMinute, TimeSpan.FromMinutes(1));
        return decision.Allowed ? null : RateLimited(context, decision.RetryAfter);
    }
}
