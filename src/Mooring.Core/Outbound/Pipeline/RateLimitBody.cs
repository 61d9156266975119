using System.Text.Json;
using Mooring.Outbound.Errors;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Rate limits that only the body tells: Google's 403 (or 400) with <c>error.errors[].reason</c>
/// <c>userRateLimitExceeded</c>, Slack's HTTP 200 <c>{"ok":false,"error":"ratelimited"}</c>. Read through
/// <see cref="ProviderErrorReader"/> (the provider's <see cref="Providers.ErrorShape"/> and <c>limitedErrorCodes</c>), once
/// per response: the rate limiter and the retry both ask.
/// </summary>
internal static class RateLimitBody
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    // An ok:false answer is a few dozen bytes; a larger success body is not read here.
    private const int MaxSuccessBodyBytes = 1024;

    /// <summary>Whether the body of <paramref name="response"/> says "rate limited"; buffers it, so that the caller still reads it.</summary>
    public static async ValueTask<bool> IsLimitedAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var provider = call.Provider;
        var status = (int)response.StatusCode;
        var length = response.Content.Headers.ContentLength;
        var candidate = provider.RateLimits.LimitedErrorCodes.Count > 0 && length != 0 && status switch
        {
            400 or 403 => length is null or <= MaxErrorBodyBytes,
            >= 200 and < 300 => provider.Errors.Success is not null && length is <= MaxSuccessBodyBytes,
            _ => false,
        };
        if (!candidate)
        {
            return false;
        }

        if (call.BodyVerdict is { } verdict && ReferenceEquals(verdict.Response, response))
        {
            return verdict.Limited;
        }

        bool limited;
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            // ReadAsByteArrayAsync copies the buffer; the cached read stream stays at its start for the caller.
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            limited = ProviderErrorReader.IsRateLimited(provider, response, body.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException)
        {
            limited = false;
        }

        call.BodyVerdict = (response, limited);
        return limited;
    }
}
