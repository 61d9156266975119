using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.GitHub;

/// <summary>
/// GitHub's habits: <c>{"message","documentation_url","status"}</c> errors, x-ratelimit-* headers on every API answer,
/// 403 when the primary or the secondary limit is exceeded, and a 304 that does not count.
/// </summary>
internal sealed class GitHubDialect(SandboxState state) : ProviderDialect
{
    public const string RateLimitDocs = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

    public override string Provider => SandboxProvider.GitHub;

    private int LimitStatus => state.Options.RateLimits.GitHubUses429 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status403Forbidden;

    /// <summary>The caller's primary-limit standing without counting a request (for <c>/rate_limit</c>).</summary>
    public static (int Limit, int Used, long Reset) Usage(SandboxState state, HttpContext context, string? token)
    {
        var now = state.Options.TimeProvider.GetUtcNow();
        var hour = TimeSpan.FromHours(1).Ticks;
        var reset = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % hour) + hour, TimeSpan.Zero).ToUnixTimeSeconds();
        return (Limit(state, token), state.Limiter.Used(Key(context, token)), reset);
    }

    private static string Key(HttpContext context, string? token) => "github:core:" + (token ?? context.Connection.RemoteIpAddress?.ToString());

    private static int Limit(SandboxState state, string? token) => token is null ? 60 : state.Options.RateLimits.GitHubPerHour;

    public static IResult Message(int status, string message, string docs = "https://docs.github.com/rest") =>
        SandboxResults.Json(new JsonObject { ["message"] = message, ["documentation_url"] = docs, ["status"] = status.ToString(CultureInfo.InvariantCulture) }, status);

    public override IResult Error(HttpContext context, int status) =>
        Message(status, status >= 500 ? "Server Error" : "Request failed");

    /// <summary>
    /// A secondary limit: 403 (or 429) with GitHub's message, <c>retry-after</c> when given (GitHub may leave it out), and
    /// the primary limit's headers as on every answer, with requests still remaining.
    /// </summary>
    public override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        SetRetryAfter(context, retryAfter, "retry-after");
        var (limit, used, reset) = Usage(state, context, OAuth.BasicCredentials.Bearer(context.Request));
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = "core";
        return Message(LimitStatus, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", RateLimitDocs + "#about-secondary-rate-limits");
    }

    public override IResult? Limit(HttpContext context, string endpoint)
    {
        if (endpoint.StartsWith("oauth.", StringComparison.Ordinal) || endpoint == "rate_limit.get")
        {
            return null;
        }

        var limits = state.Options.RateLimits;
        var token = OAuth.BasicCredentials.Bearer(context.Request);
        var key = Key(context, token);
        var secondary = state.Limiter.Acquire("github:secondary:" + key, limits.GitHubSecondaryPerMinute, TimeSpan.FromMinutes(1));
        if (!secondary.Allowed)
        {
            return RateLimited(context, secondary.RetryAfter);
        }

        var limit = Limit(state, token);
        var primary = state.Limiter.Acquire(key, limit, TimeSpan.FromHours(1));
        var headers = context.Response.Headers;
        var reset = primary.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status304NotModified && primary.Allowed)
            {
                state.Limiter.Refund(key);
            }

            var used = state.Limiter.Used(key);
            headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset"] = reset;
            headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-resource"] = "core";
            return Task.CompletedTask;
        });
        return primary.Allowed ? null : Message(LimitStatus, "API rate limit exceeded for user ID 1.", RateLimitDocs);
    }
}
