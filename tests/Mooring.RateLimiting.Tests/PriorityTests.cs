using Mooring.Outbound;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

public sealed class PriorityTests
{
    private static readonly ProviderDefinition OnePerSecond = TestLimiter.Limited(1, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task AcquireAsync_InteractiveQueuedAfterBackground_GoesFirst()
    {
        var test = new TestLimiter();
        await test.AcquireAsync(OnePerSecond, "/x");
        var order = new List<string>();
        var background = Queue(test, order, "background", CallPriority.Background);
        await test.ParkedAsync(1);
        var interactive = Queue(test, order, "interactive", CallPriority.Interactive);
        await test.ParkedAsync(2);

        await test.DriveUntilAsync([background, interactive], TimeSpan.FromMilliseconds(250));

        order.ShouldBe(["interactive", "background"]);
    }

    [Fact]
    public async Task AcquireAsync_BackgroundWaitingPastThePromotionDelay_IsNotStarved()
    {
        var test = new TestLimiter(new RateLimitingOptions { SafetyMargin = 0, BurstFraction = 0, MinimumBurst = 1, BackgroundPromotionDelay = TimeSpan.FromSeconds(2.5) });
        await test.AcquireAsync(OnePerSecond, "/x");
        var order = new List<string>();
        var background = Queue(test, order, "background", CallPriority.Background);
        await test.ParkedAsync(1);
        var interactive = Enumerable.Range(1, 5).Select(i => Queue(test, order, "interactive" + i, CallPriority.Interactive)).ToArray();
        await test.ParkedAsync(6);

        await test.DriveUntilAsync([background, .. interactive], TimeSpan.FromMilliseconds(250));

        // Two interactive calls go in the first 2.5 s; then the background call, older than the rest, is served.
        order.IndexOf("background").ShouldBe(2);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesTheQueue()
    {
        var test = new TestLimiter();
        await test.AcquireAsync(OnePerSecond, "/x");
        using var cancellation = new CancellationTokenSource();
        var cancelled = test.AcquireAsync(OnePerSecond, "/x", CallPriority.Interactive, cancellation.Token);
        await test.ParkedAsync(1);
        var next = test.AcquireAsync(OnePerSecond, "/x", CallPriority.Background);
        await test.ParkedAsync(2);

        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        var admitted = await test.DriveAsync([() => next], TimeSpan.FromMilliseconds(100));
        admitted[0].ShouldBe(TimeSpan.FromSeconds(1), "the cancelled call took nothing: the next one has its slot");
    }

    private static async Task Queue(TestLimiter test, List<string> order, string name, CallPriority priority)
    {
        (await test.AcquireAsync(OnePerSecond, "/x", priority)).Dispose();
        lock (order)
        {
            order.Add(name);
        }
    }
}
