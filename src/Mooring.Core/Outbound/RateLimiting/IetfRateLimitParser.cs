using System.Globalization;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Reads draft-ietf-httpapi-ratelimit-headers in its current form, <c>RateLimit-Policy: "name";q=100;w=60</c> and
/// <c>RateLimit: "name";r=50;t=30</c> (structured field lists, matched by policy name), and in its earlier forms:
/// <c>RateLimit: limit=100, remaining=50, reset=30</c> with <c>RateLimit-Policy: 100;w=60</c> (drafts 07 and 08) and
/// separate <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> headers (up to draft 06).
/// </summary>
internal static class IetfRateLimitParser
{
    public static IReadOnlyList<LimitReading> Parse(string? policy, string? rateLimit, string? legacyLimit, string? legacyRemaining, string? legacyReset)
    {
        var readings = new Dictionary<string, LimitReading>(StringComparer.Ordinal);
        foreach (var member in StructuredFields.List(policy).Concat(StructuredFields.List(legacyLimit).Skip(1)))
        {
            var quota = member.Parameter("q") ?? member.IntegerItem;
            var name = member.StringItem ?? $"q{quota}w{member.Parameter("w")}";
            Merge(readings, new LimitReading(name, quota, Seconds(member.Parameter("w")), null, null));
        }

        foreach (var member in StructuredFields.List(rateLimit))
        {
            if (member.StringItem is { } name)
            {
                Merge(readings, new LimitReading(name, null, null, member.Parameter("r"), Seconds(member.Parameter("t"))));
            }
        }

        var dictionary = StructuredFields.Dictionary(rateLimit);
        var limit = Integer(dictionary.GetValueOrDefault("limit")) ?? StructuredFields.List(legacyLimit).FirstOrDefault()?.IntegerItem;
        var remaining = Integer(dictionary.GetValueOrDefault("remaining")) ?? StructuredFields.List(legacyRemaining).FirstOrDefault()?.IntegerItem;
        var reset = Integer(dictionary.GetValueOrDefault("reset")) ?? StructuredFields.List(legacyReset).FirstOrDefault()?.IntegerItem;
        if (limit is not null || remaining is not null || reset is not null)
        {
            Merge(readings, new LimitReading(RateLimitingConstants.DefaultResource, limit, null, remaining, Seconds(reset)));
        }

        return [.. readings.Values];
    }

    private static void Merge(Dictionary<string, LimitReading> readings, LimitReading reading) =>
        readings[reading.Name] = readings.TryGetValue(reading.Name, out var known)
            ? new LimitReading(reading.Name, reading.Limit ?? known.Limit, reading.Window ?? known.Window, reading.Remaining ?? known.Remaining, reading.ResetAfter ?? known.ResetAfter)
            : reading;

    private static TimeSpan? Seconds(int? value) => value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null;
}
