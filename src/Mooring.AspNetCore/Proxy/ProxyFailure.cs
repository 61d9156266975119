using System.Globalization;
using Microsoft.AspNetCore.Http;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.Errors;
using Polly.Timeout;

namespace Mooring.AspNetCore.Proxy;

/// <summary>
/// Problems for calls that got no answer from the provider: the category says what happened (as in
/// <see cref="ProviderErrorCategory"/>), so that the caller can tell Mooring's refusal from the provider's own answer,
/// which is passed through unchanged. A budget that ran out without an answer is 504; a known time to wait goes in a
/// <c>Retry-After</c> header as well as in <c>retryAfterSeconds</c>.
/// </summary>
internal static class ProxyFailure
{
    public static IResult? From(Exception exception, ConnectionId connectionId) => exception switch
    {
        ConnectionNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no connection '{connectionId}'.", "not_found"),
        ConnectionNeedsReconnectException e => Problem(StatusCodes.Status409Conflict, "Connection needs reconnecting", e.Message, "needs_reconnect"),
        TokenRequestException e => Problem(StatusCodes.Status502BadGateway, "No token", e.Message, "auth"),
        ProviderApiException { Category: ProviderErrorCategory.ProviderUnavailable, InnerException: TimeoutRejectedException } e =>
            Problem(StatusCodes.Status504GatewayTimeout, "Provider timed out", e.Message, ErrorCategoryNames.Of(e.Category), e.RetryAfter),
        ProviderApiException e => Problem(StatusFor(e.Category), "Provider call failed", e.Message, ErrorCategoryNames.Of(e.Category), e.RetryAfter),
        HttpRequestException e => Problem(StatusCodes.Status502BadGateway, "Provider unreachable", $"The provider could not be reached: {e.HttpRequestError}.", "network"),
        TaskCanceledException { InnerException: TimeoutException } =>
            Problem(StatusCodes.Status504GatewayTimeout, "Provider timed out", "The provider did not answer in time.", "provider_unavailable"),
        _ => null,
    };

    private static int StatusFor(ProviderErrorCategory category) => category switch
    {
        ProviderErrorCategory.RateLimited => StatusCodes.Status429TooManyRequests,
        ProviderErrorCategory.CircuitOpen => StatusCodes.Status503ServiceUnavailable,
        ProviderErrorCategory.NeedsReconnect => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>
    /// The problem, with the time to wait (when known) both in the body (<c>retryAfterSeconds</c>) and in a
    /// <c>Retry-After</c> header, which HTTP clients honour by themselves.
    /// </summary>
    private static IResult Problem(int status, string title, string detail, string category, TimeSpan? retryAfter = null)
    {
        var extensions = new Dictionary<string, object?> { ["category"] = category };
        if (retryAfter is not { } wait)
        {
            return Results.Problem(title: title, detail: detail, statusCode: status, extensions: extensions);
        }

        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        extensions["retryAfterSeconds"] = seconds;
        return new WithRetryAfter(Results.Problem(title: title, detail: detail, statusCode: status, extensions: extensions), seconds);
    }

    private sealed class WithRetryAfter(IResult problem, long seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
