using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

public sealed class HeaderReaderTests
{
    private static readonly DateTimeOffset Now = TestLimiter.Start;

    private static readonly RateLimitHeaders GitHub = new()
    {
        Limit = "x-ratelimit-limit", Remaining = "x-ratelimit-remaining", Used = "x-ratelimit-used", Reset = "x-ratelimit-reset",
        ResetFormat = RateLimitResetFormat.EpochSeconds, Resource = "x-ratelimit-resource", Ietf = false,
    };

    private static readonly RateLimitHeaders Defaults = new();

    public static TheoryData<string, string, string> Cases => new()
    {
        // name, headers ("Name: value" lines), expected readings ("name limit window remaining reset", '-' for none)
        { "GitHub, epoch reset and resource", $"x-ratelimit-limit: 5000|x-ratelimit-remaining: 4990|x-ratelimit-used: 10|x-ratelimit-reset: {Now.ToUnixTimeSeconds() + 600}|x-ratelimit-resource: search", "search 5000 - 4990 600" },
        { "GitHub, used without remaining", $"x-ratelimit-limit: 30|x-ratelimit-used: 30|x-ratelimit-reset: {Now.ToUnixTimeSeconds() + 20}", "default 30 - 0 20" },
        { "conventional X-RateLimit, delta reset", "X-RateLimit-Limit: 100|X-RateLimit-Remaining: 7|X-RateLimit-Reset: 12", "default 100 - 7 12" },
        { "conventional X-RateLimit, epoch reset", $"X-RateLimit-Limit: 100|X-RateLimit-Remaining: 7|X-RateLimit-Reset: {Now.ToUnixTimeSeconds() + 30}", "default 100 - 7 30" },
        { "IETF current draft", "RateLimit-Policy: \"default\";q=100;w=60|RateLimit: \"default\";r=50;t=30", "default 100 60 50 30" },
        { "IETF current draft, two policies", "RateLimit-Policy: \"burst\";q=10;w=1, \"day\";q=1000;w=86400|RateLimit: \"day\";r=3;t=4000", "burst 10 1 - -;day 1000 86400 3 4000" },
        { "IETF draft 07 dictionary", "RateLimit: limit=100, remaining=50, reset=30|RateLimit-Policy: 100;w=60", "q100w60 100 60 - -;default 100 - 50 30" },
        { "IETF draft 06 separate fields", "RateLimit-Limit: 10, 10;w=1|RateLimit-Remaining: 4|RateLimit-Reset: 1", "q10w1 10 1 - -;default 10 - 4 1" },
        { "nothing", "Content-Language: en", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HeaderFormats_ReportTheLimits(string name, string headers, string expected)
    {
        using var response = Response(headers);
        var definition = name.StartsWith("GitHub", StringComparison.Ordinal) ? GitHub : Defaults;

        var readings = RateLimitHeaderReader.Read(definition, response, Now).Limits.Select(Format);

        string.Join(';', readings).ShouldBe(expected, name);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Sat, 28 Nov 2026 12:01:30 GMT", 90)]
    [InlineData("Sat, 28 Nov 2026 11:00:00 GMT", 0)]
    public void Read_RetryAfter_SecondsOrHttpDate(string value, int seconds)
    {
        using var response = Response("Retry-After: " + value);

        RateLimitHeaderReader.Read(Defaults, response, Now).RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Read_CustomRetryAfterHeader_IsParsedAsTheStandardOne()
    {
        using var response = Response("X-Wait: Sat, 28 Nov 2026 12:00:10 GMT");

        RateLimitHeaderReader.Read(new RateLimitHeaders { RetryAfter = "X-Wait" }, response, Now).RetryAfter.ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Read_IetfDisabled_IgnoresTheFields()
    {
        using var response = Response("RateLimit: \"default\";r=0;t=30");

        RateLimitHeaderReader.Read(Defaults with { Ietf = false }, response, Now).Limits.ShouldBeEmpty();
    }

    internal static HttpResponseMessage Response(string headers, int status = 200)
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        foreach (var line in headers.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.Headers.TryAddWithoutValidation(line[..colon], line[(colon + 1)..].Trim());
        }

        return response;
    }

    private static string Format(LimitReading r) =>
        $"{r.Name} {r.Limit?.ToString() ?? "-"} {r.Window?.TotalSeconds.ToString() ?? "-"} {r.Remaining?.ToString() ?? "-"} {r.ResetAfter?.TotalSeconds.ToString() ?? "-"}";
}
