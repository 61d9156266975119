using System.Text.Json;
using Mooring.Outbound.Errors;
using Mooring.Outbound.RateLimiting;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// What only the body tells: rate limits (Google's 403 or 400 with <c>error.errors[].reason</c>
/// <c>userRateLimitExceeded</c>, GitHub's 403 "You have exceeded a secondary rate limit", Slack's HTTP 200
/// <c>{"ok":false,"error":"ratelimited"}</c>), in an HTTP 200 the
/// provider's own failure (Slack's <c>ok:false</c> with <c>internal_error</c> or <c>fatal_error</c>), and an expired
/// access token (Slack's HTTP 200 <c>token_expired</c>). Read through <see cref="ProviderErrorReader"/> (the provider's
/// <see cref="Providers.ErrorShape"/>, <c>limitedErrorCodes</c>, <c>limitedMessages</c> and <c>expiredTokenCodes</c>), once per response: the
/// credentials, the rate limiter, the retry, the request log and the call's metrics all ask. The headers' counterpart
/// is <see cref="ResponseSignals"/>. A body cut off while it is read disposes the answer and throws
/// <see cref="HttpRequestException"/>: the attempt failed on the network, and is classified and retried as such.
/// </summary>
internal static class BodySignals
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    // An ok:false answer is a few dozen bytes; a larger success body is not read here.
    private const int MaxSuccessBodyBytes = 1024;

    /// <summary>Whether the body of <paramref name="response"/> says "rate limited"; buffers it, so that the caller still reads it.</summary>
    public static async ValueTask<bool> IsLimitedAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        await LimitAsync(call, response, cancellationToken).ConfigureAwait(false) != BodyLimit.None;

    /// <summary>
    /// Whether the body of <paramref name="response"/> says "rate limited", and whether it names a limit of the whole
    /// connection (GitHub's secondary limits), for the rate limiter. Buffers the body, so that the caller still reads it.
    /// </summary>
    public static async ValueTask<BodyLimit> LimitAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        await VerdictAsync(call, response, cancellationToken).ConfigureAwait(false) switch
        {
            { Category: ProviderErrorCategory.RateLimited, LimitsConnection: true } => BodyLimit.Connection,
            { Category: ProviderErrorCategory.RateLimited } => BodyLimit.Limited,
            _ => BodyLimit.None,
        };

    /// <summary>
    /// Whether the body of <paramref name="response"/> carries one of the provider's <c>expiredTokenCodes</c>; reads
    /// nothing for a provider that declares none. Buffers the body, so that the caller still reads it.
    /// </summary>
    public static async ValueTask<bool> IsTokenExpiredAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        call.Provider.Errors.ExpiredTokenCodes.Count > 0
        && (await VerdictAsync(call, response, cancellationToken).ConfigureAwait(false))?.TokenExpired == true;

    /// <summary>
    /// The category the caller's <see cref="ProviderApiException"/> gets for <paramref name="response"/>, or
    /// <see langword="null"/> for a success: <see cref="CategoryAsync"/> for the answers whose body is read here (a 401's
    /// included, so that Stripe's <c>api_key_expired</c> is <c>needs_reconnect</c> here as in the exception), else what
    /// the status and headers say.
    /// </summary>
    public static async ValueTask<ProviderErrorCategory?> AnswerCategoryAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        await CategoryAsync(call, response, cancellationToken).ConfigureAwait(false)
            ?? ProviderErrorReader.VerdictOf(call.Provider, response, body: null)?.Category;

    /// <summary>
    /// The failure category the body of <paramref name="response"/> gives, for the answers whose body is read here;
    /// <see langword="null"/> otherwise. Buffers the body, so that the caller still reads it.
    /// </summary>
    public static async ValueTask<ProviderErrorCategory?> CategoryAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await VerdictAsync(call, response, cancellationToken).ConfigureAwait(false))?.Category;

    /// <summary>
    /// What the body says, for the answers whose body is read here (a 401 of up to 64 KiB, whose code may say the grant
    /// is gone; a 400 or 403 of up to 64 KiB from a provider with
    /// <c>limitedErrorCodes</c>, <c>limitedMessages</c> or <c>expiredTokenCodes</c>, a 429 from one with <c>limitedMessages</c>, a 2xx of up to 1 KiB from a provider with an <c>ok</c> field,
    /// with a <c>Content-Length</c> or chunked); <see langword="null"/> otherwise.
    /// </summary>
    private static async ValueTask<ErrorVerdict?> VerdictAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var provider = call.Provider;
        var status = (int)response.StatusCode;
        var length = response.Content.Headers.ContentLength;
        var limit = status switch
        {
            401 => MaxErrorBodyBytes, // rare, and its code may say more than its status (Stripe's api_key_expired)
            400 or 403 when ReadsErrorBodies(provider) => MaxErrorBodyBytes,
            429 when provider.RateLimits.LimitedMessages.Count > 0 => MaxErrorBodyBytes, // a 429 is limited anyway: which limit?
            >= 200 and < 300 when provider.Errors.Success is not null => MaxSuccessBodyBytes,
            _ => 0,
        };
        if (limit == 0 || length == 0 || length > limit)
        {
            return null;
        }

        if (call.BodyVerdict is { } verdict && ReferenceEquals(verdict.Response, response))
        {
            return verdict.Verdict;
        }

        ErrorVerdict? read = null;
        try
        {
            // A body of unknown length (chunked) is read only as far as the limit: a large one streams on, unharmed.
            if (length is not null || await BodyPeek.TryBufferSmallAsync(response, limit, cancellationToken).ConfigureAwait(false))
            {
                await response.Content.LoadIntoBufferAsync(limit, cancellationToken).ConfigureAwait(false);
                // ReadAsByteArrayAsync copies the buffer; the cached read stream stays at its start for the caller.
                using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                read = ProviderErrorReader.VerdictOf(provider, response, body.RootElement);
            }
        }
        catch (JsonException)
        {
            read = null;
        }
        catch (HttpRequestException)
        {
            // The body was cut off: the answer is unusable, and the attempt fails as a network failure.
            response.Dispose();
            throw;
        }

        call.BodyVerdict = (response, read);
        return read;
    }

    /// <summary>
    /// Whether a 400 or 403 of <paramref name="provider"/> may say more in its body than its status: a rate limit by
    /// code or message (Google's <c>userRateLimitExceeded</c>, GitHub's "secondary rate limit"), or an expired token.
    /// </summary>
    private static bool ReadsErrorBodies(Providers.ProviderDefinition provider) =>
        provider.RateLimits.LimitedErrorCodes.Count > 0 || provider.RateLimits.LimitedMessages.Count > 0 || provider.Errors.ExpiredTokenCodes.Count > 0;
}
