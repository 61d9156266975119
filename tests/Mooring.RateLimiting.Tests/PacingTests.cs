using Mooring.Outbound;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

public sealed class PacingTests
{
    private static readonly ProviderDefinition TenPerSecond = TestLimiter.Limited(10, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task AcquireAsync_ThirtyCallsAtTenPerSecond_TakeThreePeriods()
    {
        var test = new TestLimiter();

        var admitted = await test.DriveAsync([.. Enumerable.Range(0, 30).Select(_ => (Func<Task>)(() => test.AcquireAsync(TenPerSecond, "/charges")))], TimeSpan.FromMilliseconds(100));

        var sorted = admitted.Order().ToArray();
        sorted[0].ShouldBe(TimeSpan.Zero);
        sorted[^1].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2900));
        sorted[^1].ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(3000));
        for (var i = 10; i < sorted.Length; i++)
        {
            (sorted[i] - sorted[i - 10]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "no second may hold more than ten calls");
        }
    }

    [Fact]
    public async Task AcquireAsync_DefaultShape_AllowsABurstThenPacesBelowTheLimit()
    {
        var test = new TestLimiter(new RateLimitingOptions { BurstFraction = 0.1, SafetyMargin = 0.01 });

        var admitted = await test.DriveAsync([.. Enumerable.Range(0, 21).Select(_ => (Func<Task>)(() => test.AcquireAsync(TenPerSecond, "/charges")))], TimeSpan.FromMilliseconds(10));

        // A burst of 2 (10 % of 10 is 1, raised to the minimum of 2), then one call per 1.01 s / (10 - 2 + 1) = 112.2 ms,
        // which keeps every second at 10 or fewer: the 21st call at 19 × 112.2 ms = 2.132 s.
        admitted.Count(t => t == TimeSpan.Zero).ShouldBe(2);
        admitted.Max().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2132));
    }

    [Fact]
    public async Task AcquireAsync_ConnectionScope_CountsEachConnectionApart()
    {
        var test = new TestLimiter();
        var provider = TestLimiter.Limited(1, TimeSpan.FromSeconds(1));

        await test.AcquireAsync(provider, "/x", connection: "a");
        var other = test.AcquireAsync(provider, "/x", connection: "b");
        var same = test.AcquireAsync(provider, "/x", connection: "a");

        await test.ShouldWaitForAsync(same, TimeSpan.FromSeconds(1));
        other.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task AcquireAsync_ApplicationScope_CountsAllConnectionsTogether()
    {
        var test = new TestLimiter();
        var provider = TestLimiter.Limited(1, TimeSpan.FromSeconds(1), RateLimitScope.Application);

        await test.AcquireAsync(provider, "/x", connection: "a");
        var other = test.AcquireAsync(provider, "/x", connection: "b");

        await test.ShouldWaitForAsync(other, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AcquireAsync_MaxConcurrency_WaitsForALeaseToBeDisposed()
    {
        var test = new TestLimiter();
        var provider = TestLimiter.Definition(new RateLimitPolicy { Buckets = [new RateLimitBucket { Name = "concurrency", MaxConcurrency = 2 }] });

        var first = await test.AcquireAsync(provider, "/x");
        await test.AcquireAsync(provider, "/x");
        var third = test.AcquireAsync(provider, "/x");
        await test.ParkedAsync(1);

        third.IsCompleted.ShouldBeFalse();
        first.Dispose();
        await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
