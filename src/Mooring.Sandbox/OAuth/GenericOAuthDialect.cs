using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.OAuth;

/// <summary>The generic server's errors: RFC 6749 style JSON, and 429 with Retry-After (RFC 6585).</summary>
internal sealed class GenericOAuthDialect : ProviderDialect
{
    public override string Provider => SandboxProvider.OAuth;

    public override IResult Error(HttpContext context, int status) =>
        SandboxResults.Json(new JsonObject { ["error"] = status >= 500 ? "server_error" : "temporarily_unavailable", ["error_description"] = "Injected by the sandbox." }, status);

    public override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        SetRetryAfter(context, retryAfter);
        return SandboxResults.Json(new JsonObject { ["error"] = "temporarily_unavailable", ["error_description"] = "Too many requests." }, StatusCodes.Status429TooManyRequests);
    }
}
