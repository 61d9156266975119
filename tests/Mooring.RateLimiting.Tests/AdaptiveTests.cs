using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

public sealed class AdaptiveTests
{
    private static readonly ProviderDefinition HeadersOnly = TestLimiter.Definition(new RateLimitPolicy());

    [Fact]
    public async Task Observe_RemainingLowBeforeReset_SpreadsTheRestOverTheWindow()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "X-RateLimit-Limit: 100|X-RateLimit-Remaining: 10|X-RateLimit-Reset: 10");

        var admitted = await test.DriveAsync([.. Enumerable.Range(0, 5).Select(_ => (Func<Task>)(() => test.AcquireAsync(HeadersOnly, "/items")))], TimeSpan.FromMilliseconds(100));

        // 10 left for 10 s: about one call a second (the interval is worked out again from what is left at each call),
        // not five at once.
        var sorted = admitted.Order().ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            (sorted[i] - sorted[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95));
        }

        sorted[^1].ShouldBeLessThan(TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task Observe_PlentyRemaining_DoesNotSlowDown()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "X-RateLimit-Limit: 100|X-RateLimit-Remaining: 90|X-RateLimit-Reset: 10");

        for (var i = 0; i < 20; i++)
        {
            (await test.AcquireAsync(HeadersOnly, "/items")).Dispose();
        }

        test.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Observe_NothingRemaining_PausesUntilTheReset()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "X-RateLimit-Limit: 100|X-RateLimit-Remaining: 0|X-RateLimit-Reset: 5");

        var admitted = await test.DriveAsync([() => test.AcquireAsync(HeadersOnly, "/items")], TimeSpan.FromMilliseconds(250));

        admitted[0].ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Observe_CallsGrantedSinceTheRequest_AreTakenOffItsRemaining()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "X-RateLimit-Limit: 100|X-RateLimit-Remaining: 50|X-RateLimit-Reset: 60");
        using var early = TestLimiter.Get(HeadersOnly, "/items");
        await test.AcquireAsync(HeadersOnly, early);
        for (var i = 0; i < 3; i++)
        {
            await test.AcquireAsync(HeadersOnly, "/items");
        }

        // The early call's answer says 3 are left, but the three calls granted after it are not counted in it yet.
        using var response = HeaderReaderTests.Response("X-RateLimit-Limit: 100|X-RateLimit-Remaining: 3|X-RateLimit-Reset: 60");
        test.Limiter.Observe(HeadersOnly, TestLimiter.Connection, early, response);
        var next = test.AcquireAsync(HeadersOnly, "/items");

        await test.ShouldWaitForAsync(next, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Observe_TooManyRequestsWithRetryAfter_PausesForIt()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "Retry-After: 3", status: 429);

        var admitted = await test.DriveAsync([() => test.AcquireAsync(HeadersOnly, "/items")], TimeSpan.FromMilliseconds(500));

        admitted[0].ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Observe_TooManyRequestsWithoutAWait_PausesForTheDefault()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "Stripe-Should-Retry: true", status: 429);

        var admitted = await test.DriveAsync([() => test.AcquireAsync(HeadersOnly, "/items")], TimeSpan.FromMilliseconds(250));

        admitted[0].ShouldBe(test.Options.DefaultPause);
    }

    [Fact]
    public async Task Observe_TooManyRequestsOnAPacedCall_PausesForATenthOfItsPeriod()
    {
        var test = new TestLimiter(new RateLimitingOptions { BurstFraction = 1 });
        var paced = TestLimiter.Limited(100, TimeSpan.FromSeconds(1));
        await ObserveAsync(test, paced, "/items", "Stripe-Should-Retry: true", status: 429);

        var admitted = await test.DriveAsync([() => test.AcquireAsync(paced, "/items")], TimeSpan.FromMilliseconds(25));

        admitted[0].ShouldBe(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Observe_SlackPostMessage429_PausesOnlyThatChannel()
    {
        var test = new TestLimiter();
        var slack = TestLimiter.Builtin("slack");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage?channel=C1");
        await test.AcquireAsync(slack, request);
        using var response = HeaderReaderTests.Response("Retry-After: 30", 429);
        test.Limiter.Observe(slack, TestLimiter.Connection, request, response);
        test.Time.Advance(TimeSpan.FromSeconds(2));

        (await test.AcquireAsync(slack, new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage?channel=C2"))).Dispose();
        var paused = test.AcquireAsync(slack, new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage?channel=C1"));
        await test.ParkedAsync(1);

        paused.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Observe_IetfPolicy_PacesAtTheLearntQuota()
    {
        var test = new TestLimiter();
        await ObserveAsync(test, HeadersOnly, "/items", "RateLimit-Policy: \"default\";q=10;w=1|RateLimit: \"default\";r=9;t=1");

        var admitted = await test.DriveAsync([.. Enumerable.Range(0, 20).Select(_ => (Func<Task>)(() => test.AcquireAsync(HeadersOnly, "/items")))], TimeSpan.FromMilliseconds(100));

        // The policy's 10 per second, as if the definition had said so: 20 calls take about two seconds.
        admitted.Max().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1900));
    }

    [Fact]
    public async Task Observe_GitHubResources_AreSeparateLimits()
    {
        // GitHub's definition allows 5,000 an hour: a burst of 50 keeps its own pacing out of the way.
        var test = new TestLimiter(new RateLimitingOptions { BurstFraction = 0.01 });
        var github = TestLimiter.Builtin("github");
        var reset = (TestLimiter.Start + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds();
        await ObserveAsync(test, github, "/search/issues?q=x", $"x-ratelimit-limit: 30|x-ratelimit-remaining: 0|x-ratelimit-reset: {reset}|x-ratelimit-resource: search", status: 403);
        await ObserveAsync(test, github, "/repos/o/r/issues", $"x-ratelimit-limit: 5000|x-ratelimit-remaining: 4999|x-ratelimit-reset: {reset}|x-ratelimit-resource: core");

        (await test.AcquireAsync(github, "/repos/o/r/issues")).Dispose();
        var search = test.AcquireAsync(github, "/search/issues?q=y");

        await test.ShouldWaitForAsync(search, TimeSpan.FromMinutes(10), "search is used up until its reset; core is not");
    }

    private static async Task ObserveAsync(TestLimiter test, ProviderDefinition provider, string path, string headers, int status = 200)
    {
        using var request = TestLimiter.Get(provider, path);
        (await test.AcquireAsync(provider, request)).Dispose();
        using var response = HeaderReaderTests.Response(headers, status);
        test.Limiter.Observe(provider, TestLimiter.Connection, request, response);
    }
}
