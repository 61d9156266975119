using System.Text.Json;
using Mooring.Outbound.Errors;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Failures that only the body tells: rate limits (Google's 403 or 400 with <c>error.errors[].reason</c>
/// <c>userRateLimitExceeded</c>, Slack's HTTP 200 <c>{"ok":false,"error":"ratelimited"}</c>) and, in an HTTP 200, the
/// provider's own failure (Slack's <c>ok:false</c> with <c>internal_error</c> or <c>fatal_error</c>). Read through
/// <see cref="ProviderErrorReader"/> (the provider's <see cref="Providers.ErrorShape"/> and <c>limitedErrorCodes</c>), once
/// per response: the rate limiter and the retry both ask.
/// </summary>
internal static class RateLimitBody
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    // An ok:false answer is a few dozen bytes; a larger success body is not read here.
    private const int MaxSuccessBodyBytes = 1024;

    /// <summary>Whether the body of <paramref name="response"/> says "rate limited"; buffers it, so that the caller still reads it.</summary>
    public static async ValueTask<bool> IsLimitedAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        await CategoryAsync(call, response, cancellationToken).ConfigureAwait(false) == ProviderErrorCategory.RateLimited;

    /// <summary>
    /// The failure category the body of <paramref name="response"/> gives, for the answers whose body is read here (a
    /// 400 or 403 of a provider with <c>limitedErrorCodes</c>, a small 2xx of a provider with an <c>ok</c> field);
    /// <see langword="null"/> otherwise. Buffers the body, so that the caller still reads it.
    /// </summary>
    public static async ValueTask<ProviderErrorCategory?> CategoryAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var provider = call.Provider;
        var status = (int)response.StatusCode;
        var length = response.Content.Headers.ContentLength;
        var candidate = length != 0 && status switch
        {
            400 or 403 => provider.RateLimits.LimitedErrorCodes.Count > 0 && length is null or <= MaxErrorBodyBytes,
            >= 200 and < 300 => provider.Errors.Success is not null && length is <= MaxSuccessBodyBytes,
            _ => false,
        };
        if (!candidate)
        {
            return null;
        }

        if (call.BodyVerdict is { } verdict && ReferenceEquals(verdict.Response, response))
        {
            return verdict.Category;
        }

        ProviderErrorCategory? category;
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            // ReadAsByteArrayAsync copies the buffer; the cached read stream stays at its start for the caller.
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            category = ProviderErrorReader.CategoryOf(provider, response, body.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException)
        {
            category = null;
        }

        call.BodyVerdict = (response, category);
        return category;
    }
}
