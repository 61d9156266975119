using Microsoft.AspNetCore.Http;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.Errors;

namespace Mooring.AspNetCore.Proxy;

/// <summary>
/// Problems for calls that got no answer from the provider: the category says what happened (as in
/// <see cref="ProviderErrorCategory"/>), so that the caller can tell Mooring's refusal from the provider's own answer,
/// which is passed through unchanged.
/// </summary>
internal static class ProxyFailure
{
    public static IResult? From(Exception exception, ConnectionId connectionId) => exception switch
    {
        ConnectionNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no connection '{connectionId}'.", "not_found"),
        ConnectionNeedsReconnectException e => Problem(StatusCodes.Status409Conflict, "Connection needs reconnecting", e.Message, "needs_reconnect"),
        TokenRequestException e => Problem(StatusCodes.Status502BadGateway, "No token", e.Message, "auth"),
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

    private static IResult Problem(int status, string title, string detail, string category, TimeSpan? retryAfter = null)
    {
        var extensions = new Dictionary<string, object?> { ["category"] = category };
        if (retryAfter is { } wait)
        {
            extensions["retryAfterSeconds"] = Math.Ceiling(wait.TotalSeconds);
        }

        return Results.Problem(title: title, detail: detail, statusCode: status, extensions: extensions);
    }
}
