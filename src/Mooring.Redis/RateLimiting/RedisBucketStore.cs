using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;
using StackExchange.Redis;

namespace Mooring.Redis.RateLimiting;

/// <summary>
/// Buckets counted in Redis and shared by every instance. When Redis cannot be reached the limits are counted in this
/// process (<see cref="LocalBucketStore"/>) for <see cref="RateLimitingOptions.RedisRetryInterval"/>, with an error
/// logged, rather than failing the call; pauses are written to both so that the local count knows of them.
/// </summary>
internal sealed class RedisBucketStore : IBucketStore, IAsyncDisposable
{
    private readonly LocalBucketStore _local;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisBucketStore> _logger;
    private readonly RateLimitingOptions _options;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private long _localUntil;
    private int _down;

    public RedisBucketStore(IOptions<RateLimitingOptions> options, LocalBucketStore local, TimeProvider time, ILogger<RedisBucketStore> logger)
    {
        _options = options.Value;
        _local = local;
        _time = time;
        _logger = logger;
        var configuration = ConfigurationOptions.Parse(_options.Redis ?? throw new InvalidOperationException($"{RateLimitingOptions.SectionName}:Redis is not set."));
        configuration.AbortOnConnectFail = false;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    public async ValueTask<BucketTake> TryTakeAsync(IReadOnlyList<BucketDemand> demands, TimeSpan horizon, CancellationToken cancellationToken)
    {
        if (UseLocal())
        {
            return _local.TryTake(demands, horizon);
        }

        var keys = new RedisKey[demands.Count * 2];
        var values = new RedisValue[(demands.Count * 3) + 1];
        values[^1] = Microseconds(horizon);
        for (var i = 0; i < demands.Count; i++)
        {
            keys[2 * i] = Key(demands[i].Key, "t");
            keys[(2 * i) + 1] = Key(demands[i].Key, "p");
            values[3 * i] = Microseconds(demands[i].Emission);
            values[(3 * i) + 1] = Microseconds(demands[i].Tolerance);
            values[(3 * i) + 2] = demands[i].Cost;
        }

        try
        {
            var database = await DatabaseAsync().ConfigureAwait(false);
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(RedisScripts.Take, keys, values).WaitAsync(cancellationToken).ConfigureAwait(false))!;
            Restored();
            return new BucketTake((long)result[0] == 1, TimeSpan.FromMicroseconds((long)result[1]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or NotConnectedException)
        {
            Failed(exception);
            return _local.TryTake(demands, horizon);
        }
    }

    public async ValueTask PauseAsync(string key, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _local.PauseAsync(key, delay, cancellationToken).ConfigureAwait(false);
        if (UseLocal())
        {
            return;
        }

        try
        {
            var database = await DatabaseAsync().ConfigureAwait(false);
            await database.ScriptEvaluateAsync(RedisScripts.Pause, [Key(key, "p")], [Microseconds(delay)]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or NotConnectedException)
        {
            Failed(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>{prefix}{{provider}}:{rest}:{kind}</c>: the provider key is the hash tag, so that every key of one call is in
    /// one Redis Cluster slot, as a multi-key script needs.
    /// </summary>
    internal string Key(string bucket, string kind)
    {
        var colon = bucket.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? $"{_options.RedisKeyPrefix}{{{bucket}}}:{kind}"
            : $"{_options.RedisKeyPrefix}{{{bucket[..colon]}}}{bucket[colon..]}:{kind}";
    }

    // A multiplexer that is not connected would queue the command until its timeout: count locally at once instead,
    // while it reconnects in the background.
    private async Task<IDatabase> DatabaseAsync()
    {
        var connection = await _connection.Value.ConfigureAwait(false);
        return connection.IsConnected ? connection.GetDatabase() : throw new NotConnectedException();
    }

    private static long Microseconds(TimeSpan value) => (long)Math.Ceiling(value.TotalMicroseconds);

    private bool UseLocal() => Volatile.Read(ref _down) == 1 && _time.GetTimestamp() < Volatile.Read(ref _localUntil);

    private void Failed(Exception exception)
    {
        Volatile.Write(ref _localUntil, _time.GetTimestamp() + (long)(_options.RedisRetryInterval.TotalSeconds * _time.TimestampFrequency));
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            RedisLog.Unavailable(_logger, _options.RedisRetryInterval, exception);
        }
    }

    private void Restored()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            RedisLog.Restored(_logger);
        }
    }

    private sealed class NotConnectedException() : Exception("Not connected to Redis; reconnecting in the background.");
}
