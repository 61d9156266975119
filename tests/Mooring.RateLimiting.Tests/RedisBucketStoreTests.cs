using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Mooring.Outbound.RateLimiting;
using Mooring.Redis.RateLimiting;
using StackExchange.Redis;

namespace Mooring.RateLimiting.Tests;

public sealed class RedisBucketStoreTests
{
    private readonly string _prefix = $"mooring:test:{Guid.NewGuid():N}:";

    [Fact]
    public async Task TryTakeAsync_TwoInstances_ShareOneLimit()
    {
        await using var first = Instance(TestRedis.Configuration);
        await using var second = Instance(TestRedis.Configuration);
        var demand = BucketDemand.Paced("test:c:conn-1:b:global", 10, TimeSpan.FromMinutes(1), 1, new PacingShape(0, 1, 1));

        var attempts = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).Store.TryTakeAsync([demand], TimeSpan.Zero, TestContext.Current.CancellationToken).AsTask());
        var takes = await Task.WhenAll(attempts);

        takes.Count(t => t.Taken).ShouldBe(10, "a burst of ten between both instances, not ten each");
        takes.Where(t => !t.Taken).ShouldAllBe(t => t.Wait > TimeSpan.Zero && t.Wait <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task TryTakeAsync_AppClockFarOff_CountsOnRedisClock()
    {
        await using var instance = Instance(TestRedis.Configuration, new FakeTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var demand = BucketDemand.Paced("test:c:conn-1:b:global", 1, TimeSpan.FromSeconds(30), 1, new PacingShape(0, 0, 1));

        (await instance.Store.TryTakeAsync([demand], TimeSpan.Zero, TestContext.Current.CancellationToken)).Taken.ShouldBeTrue();
        var wait = (await instance.Store.TryTakeAsync([demand], TimeSpan.Zero, TestContext.Current.CancellationToken)).Wait;

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var redisNow = await server.TimeAsync();
        var tat = DateTimeOffset.UnixEpoch.AddTicks(10 * (long)await redis.GetDatabase().StringGetAsync(instance.Store.Key(demand.Key, "t")));
        (tat - new DateTimeOffset(redisNow, TimeSpan.Zero)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(35), "the TAT is Redis's now plus one interval, not the app's 2001");
        wait.ShouldBeInRange(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryTakeAsync_WithinTheHorizon_ReservesTheNextSlot()
    {
        await using var instance = Instance(TestRedis.Configuration);
        var demand = BucketDemand.Paced("test:c:conn-1:b:global", 1, TimeSpan.FromSeconds(10), 1, new PacingShape(0, 0, 1));
        var token = TestContext.Current.CancellationToken;

        (await instance.Store.TryTakeAsync([demand], TimeSpan.Zero, token)).Taken.ShouldBeTrue();
        var reserved = await instance.Store.TryTakeAsync([demand], TimeSpan.FromSeconds(15), token);
        var third = await instance.Store.TryTakeAsync([demand], TimeSpan.FromSeconds(15), token);

        reserved.Taken.ShouldBeTrue();
        reserved.Wait.ShouldBeInRange(TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        third.Taken.ShouldBeFalse("the slot after the reserved one is 20 s away");
        third.Wait.ShouldBeInRange(TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task PauseAsync_OnOneInstance_HoldsTheOther()
    {
        await using var first = Instance(TestRedis.Configuration);
        await using var second = Instance(TestRedis.Configuration);

        await first.Store.PauseAsync("test:c:conn-1:r:default", TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var wait = (await second.Store.TryTakeAsync([BucketDemand.PauseOnly("test:c:conn-1:r:default")], TimeSpan.Zero, TestContext.Current.CancellationToken)).Wait;

        wait.ShouldBeInRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task TryTakeAsync_RedisUnreachable_CountsLocallyAndLogsAnError()
    {
        await using var instance = Instance("127.0.0.1:1,connectTimeout=200", new FakeTimeProvider());
        var demand = BucketDemand.Paced("test:c:conn-1:b:global", 1, TimeSpan.FromSeconds(1), 1, new PacingShape(0, 0, 1));

        (await instance.Store.TryTakeAsync([demand], TimeSpan.Zero, TestContext.Current.CancellationToken)).ShouldBe(new BucketTake(true, TimeSpan.Zero));
        (await instance.Store.TryTakeAsync([demand], TimeSpan.Zero, TestContext.Current.CancellationToken)).ShouldBe(new BucketTake(false, TimeSpan.FromSeconds(1)), "still limited, in this process");

        instance.Logs.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Error && r.Message.Contains("Redis is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public void AddMooringRedisRateLimiting_WithoutRedis_CountsLocally()
    {
        using var services = new ServiceCollection().AddLogging().AddMooringRedisRateLimiting().BuildServiceProvider();

        services.GetRequiredService<IBucketStore>().ShouldBeOfType<LocalBucketStore>();
        services.GetRequiredService<Mooring.Outbound.RateLimiting.IProviderRateLimiter>().ShouldNotBeNull();
    }

    private Instance Instance(string redis, TimeProvider? time = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging())
            .AddSingleton(time ?? TimeProvider.System)
            .AddMooringRedisRateLimiting()
            .Configure<RateLimitingOptions>(o =>
            {
                o.Redis = redis;
                o.RedisKeyPrefix = _prefix;
            })
            .BuildServiceProvider();
        return new Instance(services);
    }
}

internal sealed class Instance(ServiceProvider services) : IAsyncDisposable
{
    public RedisBucketStore Store { get; } = (RedisBucketStore)services.GetRequiredService<IBucketStore>();

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
