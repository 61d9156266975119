using System.Globalization;
using System.Net.Http.Headers;
using Mooring.Providers;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Reads rate-limit headers: Retry-After (seconds or an HTTP date), the <c>X-RateLimit-*</c> family named by the
/// definition (with epoch or delta-seconds resets and GitHub's resource), and the IETF fields (<see cref="IetfRateLimitParser"/>).
/// </summary>
internal static class RateLimitHeaderReader
{
    private const long EpochThreshold = 1_000_000_000;

    public static ResponseReading Read(RateLimitHeaders headers, HttpResponseMessage response, DateTimeOffset now)
    {
        List<LimitReading>? limits = null;
        if (Named(headers, response, now) is { } named)
        {
            (limits ??= []).Add(named);
        }

        if (headers.Ietf)
        {
            string? policy = Value(response, "RateLimit-Policy"), rateLimit = Value(response, "RateLimit"), limit = Value(response, "RateLimit-Limit"),
                remaining = Value(response, "RateLimit-Remaining"), reset = Value(response, "RateLimit-Reset");
            if ((policy ?? rateLimit ?? limit ?? remaining ?? reset) is not null)
            {
                (limits ??= []).AddRange(IetfRateLimitParser.Parse(policy, rateLimit, limit, remaining, reset));
            }
        }

        var retryAfter = headers.RetryAfter is { } name ? RetryAfter(response, name, now) : null;
        return retryAfter is null && (limits is null || limits.Count == 0) ? ResponseReading.None : new ResponseReading(retryAfter, limits ?? []);
    }

    /// <summary>Seconds or an HTTP date (RFC 9110 section 10.2.3); a date in the past is no wait.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - now, TimeSpan.Zero)
            : null;
    }

    /// <summary>A reset as seconds from now or seconds since the Unix epoch.</summary>
    public static TimeSpan? ParseReset(string? value, RateLimitResetFormat? format, DateTimeOffset now)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            return null;
        }

        // Without a declared format, a number as large as a Unix time (after 2001) is one.
        var epoch = format == RateLimitResetFormat.EpochSeconds || (format is null && number >= EpochThreshold);
        return epoch ? Max(DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) - now, TimeSpan.Zero) : TimeSpan.FromSeconds(number);
    }

    private static LimitReading? Named(RateLimitHeaders headers, HttpResponseMessage response, DateTimeOffset now)
    {
        // A definition that names none of the headers still learns from the conventional ones.
        var conventional = headers is { Limit: null, Remaining: null, Used: null, Reset: null };
        var limit = Integer(Value(response, conventional ? "X-RateLimit-Limit" : headers.Limit));
        var used = Integer(Value(response, headers.Used));
        var remaining = Integer(Value(response, conventional ? "X-RateLimit-Remaining" : headers.Remaining)) ?? (limit - used);
        var reset = ParseReset(Value(response, conventional ? "X-RateLimit-Reset" : headers.Reset), conventional ? null : headers.ResetFormat, now);
        if (limit is null && remaining is null && reset is null)
        {
            return null;
        }

        var resource = Value(response, headers.Resource)?.Trim();
        return new LimitReading(string.IsNullOrEmpty(resource) ? RateLimitingConstants.DefaultResource : resource, limit, null, remaining, reset);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, string name, DateTimeOffset now)
    {
        if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase)
            && response.Headers.NonValidated.Contains(name) && response.Headers.RetryAfter is RetryConditionHeaderValue parsed)
        {
            return parsed.Delta ?? (parsed.Date is { } date ? Max(date - now, TimeSpan.Zero) : null);
        }

        return ParseRetryAfter(Value(response, name), now);
    }

    private static string? Value(HttpResponseMessage response, string? name)
    {
        if (name is null)
        {
            return null;
        }

        // The raw values, as received: no parsing into typed header values (and no allocation) for an absent header.
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || (response.Content is { } content && content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            return values.ToString();
        }

        return null;
    }

    private static int? Integer(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? (int)Math.Clamp(number, 0, int.MaxValue) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
