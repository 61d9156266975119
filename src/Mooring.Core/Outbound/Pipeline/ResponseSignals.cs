using System.Globalization;
using System.Net.Http.Headers;
using Mooring.Providers;

namespace Mooring.Outbound.Pipeline;

/// <summary>What a provider's response headers say about retrying: <c>Retry-After</c>, <c>Stripe-Should-Retry</c>, an exhausted limit.</summary>
internal static class ResponseSignals
{
    /// <summary>How long the provider asks to wait: delta seconds or an HTTP date (RFC 9110 10.2.3), from the provider's header.</summary>
    public static TimeSpan? RetryAfter(ProviderDefinition provider, HttpResponseMessage response, DateTimeOffset now)
    {
        var name = provider.RateLimits.Headers.RetryAfter ?? "Retry-After";
        if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase) && response.Headers.RetryAfter is { } parsed)
        {
            return parsed.Delta ?? (parsed.Date is { } date ? Max0(date - now) : null);
        }

        var text = Value(response.Headers, name);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Max0(at - now) : null;
    }

    /// <summary><see langword="true"/> or <see langword="false"/> when the provider says whether to retry (Stripe-Should-Retry), else <see langword="null"/>.</summary>
    public static bool? ShouldRetry(ProviderDefinition provider, HttpResponseMessage response) =>
        provider.RateLimits.Headers.ShouldRetry is { } name && Value(response.Headers, name) is { } text
            ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            : null;

    /// <summary>
    /// Whether the status or the headers say "rate limited": a limited status code (429), or a 403 that comes with
    /// <c>Retry-After</c> or a remaining count of 0 (how GitHub answers its primary and secondary limits).
    /// </summary>
    public static bool IsRateLimited(ProviderDefinition provider, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var limits = provider.RateLimits;
        if (limits.LimitedStatusCodes.Contains(status))
        {
            return true;
        }

        if (status != 403)
        {
            return false;
        }

        return Value(response.Headers, limits.Headers.RetryAfter ?? "Retry-After") is not null
            || (limits.Headers.Remaining is { } remaining && Value(response.Headers, remaining) == "0");
    }

    /// <summary>
    /// How long a rate-limited answer asks to wait, in the order GitHub documents it: <c>Retry-After</c>; else the reset
    /// of a limit with nothing left (beside a remaining count above 0, the reset dates a window that did not cause the
    /// answer); else the definition's <see cref="RateLimitPolicy.DefaultRetryAfter"/> (GitHub's minute); else
    /// <see langword="null"/>.
    /// </summary>
    public static TimeSpan? LimitedWait(ProviderDefinition provider, HttpResponseMessage response, DateTimeOffset now) =>
        RetryAfter(provider, response, now)
        ?? (NothingLeft(provider, response) ? ResetIn(provider, response, now) : null)
        ?? provider.RateLimits.DefaultRetryAfter;

    /// <summary>When the provider's limit window resets, from its reset header, as a wait from <paramref name="now"/>.</summary>
    public static TimeSpan? ResetIn(ProviderDefinition provider, HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = provider.RateLimits.Headers;
        if (headers.Reset is not { } name || Value(response.Headers, name) is not { } text
            || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return headers.ResetFormat switch
        {
            RateLimitResetFormat.EpochSeconds => Max0(DateTimeOffset.FromUnixTimeSeconds(value) - now),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    /// <summary>Whether the remaining count is 0, or not reported (a reset header alone is taken at its word).</summary>
    private static bool NothingLeft(ProviderDefinition provider, HttpResponseMessage response) =>
        provider.RateLimits.Headers.Remaining is not { } name || Value(response.Headers, name) is not { } text || text.Trim() == "0";

    /// <summary>The first value of the header as received (no parsing into typed values), or <see langword="null"/>.</summary>
    private static string? Value(HttpResponseHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    private static TimeSpan Max0(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
