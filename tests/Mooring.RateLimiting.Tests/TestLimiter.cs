using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

/// <summary>A local limiter on a fake clock, definitions to pace by, and a driver that advances the clock until calls are admitted.</summary>
internal sealed class TestLimiter
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public TestLimiter(RateLimitingOptions? options = null, IBucketStore? store = null)
    {
        Options = options ?? Exact();
        Time = new FakeTimeProvider(Start);
        Store = store ?? new LocalBucketStore(Time);
        Limiter = new ProviderRateLimiter(Store, new RequestPlanner(Microsoft.Extensions.Options.Options.Create(Options)), Time,
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ProviderRateLimiter>.Instance);
    }

    public RateLimitingOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public IBucketStore Store { get; }

    public ProviderRateLimiter Limiter { get; }

    public static ConnectionId Connection { get; } = ConnectionId.Parse("conn-1");

    /// <summary>No margin and a burst of one: limits pace at exactly limit per period, which keeps expectations simple.</summary>
    public static RateLimitingOptions Exact() => new() { SafetyMargin = 0, BurstFraction = 0, MinimumBurst = 1 };

    public static ProviderDefinition Definition(RateLimitPolicy policy) =>
        new() { Key = ProviderKey.Parse("test"), ApiBaseUrl = new Uri("https://api.test/v1/"), RateLimits = policy };

    public static ProviderDefinition Builtin(string key)
    {
        using var services = new ServiceCollection().AddLogging().AddMooringProviderCatalog().BuildServiceProvider();
        return services.GetRequiredService<IProviderCatalog>().Get(ProviderKey.Parse(key));
    }

    /// <summary>A provider with one bucket of <paramref name="limit"/> per <paramref name="period"/>.</summary>
    public static ProviderDefinition Limited(int limit, TimeSpan period, RateLimitScope scope = RateLimitScope.Connection) =>
        Definition(new RateLimitPolicy { Buckets = [new RateLimitBucket { Name = "global", Scope = scope, Limit = limit, Period = period }] });

    /// <summary>Checks that <paramref name="call"/> is still waiting, then that it is admitted once the clock moves by <paramref name="advance"/>.</summary>
    public async Task ShouldWaitForAsync(Task call, TimeSpan advance, string? because = null)
    {
        await ParkedAsync(1);
        call.IsCompleted.ShouldBeFalse(because);
        Time.Advance(advance);
        await call.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    public static HttpRequestMessage Get(ProviderDefinition provider, string path) => new(HttpMethod.Get, new Uri(provider.ApiBaseUrl!, path.TrimStart('/')));

    public Task<IDisposable> AcquireAsync(ProviderDefinition provider, string path, CallPriority priority = CallPriority.Interactive, CancellationToken cancellationToken = default, string? connection = null) =>
        AcquireAsync(provider, Get(provider, path), priority, cancellationToken, connection);

    public Task<IDisposable> AcquireAsync(ProviderDefinition provider, HttpRequestMessage request, CallPriority priority = CallPriority.Interactive, CancellationToken cancellationToken = default, string? connection = null) =>
        Limiter.AcquireAsync(provider, connection is null ? Connection : ConnectionId.Parse(connection), request, priority,
            cancellationToken == default ? TestContext.Current.CancellationToken : cancellationToken).AsTask();

    public TimeSpan Elapsed => Time.GetUtcNow() - Start;

    /// <summary>
    /// Advances the clock by <paramref name="step"/> until every call is admitted, a step each time all pending calls are
    /// parked; returns the fake time at which each call was admitted.
    /// </summary>
    public async Task<TimeSpan[]> DriveAsync(IReadOnlyList<Func<Task>> calls, TimeSpan step)
    {
        var admitted = new TimeSpan[calls.Count];
        var tasks = calls.Select(async (call, i) =>
        {
            await call();
            admitted[i] = Elapsed;
        }).ToArray();
        await DriveUntilAsync(tasks, step);
        return admitted;
    }

    /// <summary>
    /// Advances the clock by <paramref name="step"/> each time every pending call is parked (on the clock, the queue or a
    /// concurrency slot: nothing but the clock can move them), until all are admitted. Waits on the limiter's signal,
    /// never on real time.
    /// </summary>
    public async Task DriveUntilAsync(IReadOnlyCollection<Task> calls, TimeSpan step)
    {
        var all = Task.WhenAll(calls);
        for (var steps = 0; ; )
        {
            var changed = Limiter.Parking.Changed;
            if (all.IsCompleted)
            {
                await all;
                return;
            }

            var pending = calls.Where(c => !c.IsCompleted).ToList();
            if (Limiter.Parking.Count >= pending.Count)
            {
                (++steps).ShouldBeLessThan(2_000, "the calls were never admitted");
                Time.Advance(step);
                await Task.Yield(); // lets the woken callers' continuations be scheduled before the count is read again
                continue;
            }

            await Task.WhenAny([changed, .. pending]).WaitAsync(TestContext.Current.CancellationToken);
        }
    }

    public Task DriveUntilAsync(Task call, TimeSpan step) => DriveUntilAsync([call], step);

    /// <summary>Waits until at least <paramref name="callers"/> callers are parked in the limiter (a signal, not a sleep).</summary>
    public async Task ParkedAsync(int callers)
    {
        while (true)
        {
            var changed = Limiter.Parking.Changed;
            if (Limiter.Parking.Count >= callers)
            {
                return;
            }

            await changed.WaitAsync(TestContext.Current.CancellationToken);
        }
    }
}
