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
        await SettleAsync();
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
    /// Advances the clock by <paramref name="step"/> until every call is admitted, giving continuations a moment of real
    /// time between steps; returns the fake time at which each call was admitted. A late continuation can only make a
    /// call look later, never earlier, than it was admitted.
    /// </summary>
    public async Task<TimeSpan[]> DriveAsync(IReadOnlyList<Func<Task>> calls, TimeSpan step)
    {
        var admitted = new TimeSpan[calls.Count];
        var tasks = calls.Select(async (call, i) =>
        {
            await call();
            admitted[i] = Elapsed;
        }).ToArray();
        await DriveUntilAsync(Task.WhenAll(tasks), step);
        return admitted;
    }

    public async Task DriveUntilAsync(Task task, TimeSpan step)
    {
        for (var steps = 0; ; steps++)
        {
            await Task.WhenAny(task, Task.Delay(30, TestContext.Current.CancellationToken));
            if (task.IsCompleted)
            {
                await task;
                return;
            }

            steps.ShouldBeLessThan(2_000, "the calls were never admitted");
            Time.Advance(step);
        }
    }

    /// <summary>Lets pending continuations run without moving the fake clock.</summary>
    public static Task SettleAsync() => Task.Delay(50, TestContext.Current.CancellationToken);
}
