using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's habits: its error object, Stripe-Should-Retry on answers worth retrying, and 25 (test) requests per second per key.</summary>
internal sealed class StripeDialect(SandboxState state) : ProviderDialect
{
    public override string Provider => SandboxProvider.Stripe;

    public override ValueTask<string?> PresentedTokenAsync(HttpContext context) => ValueTask.FromResult(StripeAuth.Key(context.Request));

    public override IResult Error(HttpContext context, int status)
    {
        context.Response.Headers["Stripe-Should-Retry"] = status >= 500 || status == 409 ? "true" : "false";
        var response = status >= 500
            ? StripeErrors.Error(status, "api_error", "An unknown error occurred")
            : StripeErrors.Error(status, "invalid_request_error", "The request could not be processed.");
        return Write(context, response);
    }

    public override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.Headers["Stripe-Should-Retry"] = "true";
        context.Response.Headers["Stripe-Rate-Limited-Reason"] = "global-rate";
        return Write(context, StripeErrors.RateLimited());
    }

    public override IResult? Limit(HttpContext context, string endpoint)
    {
        if (endpoint.StartsWith("connect.", StringComparison.Ordinal))
        {
            return null;
        }

        var key = StripeAuth.Key(context.Request) ?? "anonymous";
        var perSecond = key.StartsWith("sk_live_", StringComparison.Ordinal) ? 100 : state.Options.RateLimits.StripePerSecond;
        var decision = state.Limiter.Acquire("stripe:" + key, perSecond, TimeSpan.FromSeconds(1));
        return decision.Allowed ? null : RateLimited(context, decision.RetryAfter);
    }

    public static IResult Write(HttpContext context, StripeResponse response)
    {
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Response.Headers["Request-Id"]))
        {
            context.Response.Headers["Request-Id"] = "req_" + OAuth.TokenFormats.Random(14);
        }

        return SandboxResults.Json(response.Body, response.Status);
    }

    public static JsonObject List(string url, IEnumerable<JsonNode> data, bool hasMore) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = hasMore,
        ["url"] = url,
    };
}
