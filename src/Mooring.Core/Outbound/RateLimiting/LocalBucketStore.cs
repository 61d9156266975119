namespace Mooring.Outbound.RateLimiting;

/// <summary>Buckets counted in this process, on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class LocalBucketStore(TimeProvider time) : IBucketStore
{
    private const int PruneEvery = 4096;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _tats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pausedUntil = new(StringComparer.Ordinal);
    private int _takesSincePrune;

    public ValueTask<BucketTake> TryTakeAsync(IReadOnlyList<BucketDemand> demands, TimeSpan horizon, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryTake(demands, horizon));

    public BucketTake TryTake(IReadOnlyList<BucketDemand> demands, TimeSpan horizon)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var wait = 0L;
            foreach (var demand in demands)
            {
                wait = Math.Max(wait, PausedFor(demand.Key, now));
                if (demand.IsPaced)
                {
                    wait = Math.Max(wait, Evaluate(demand, now).Wait);
                }
            }

            if (wait > horizon.Ticks)
            {
                return new BucketTake(false, TimeSpan.FromTicks(wait));
            }

            // Every demand conforms at now + wait, the latest of their moments: take them all as of then.
            foreach (var demand in demands)
            {
                if (demand.IsPaced)
                {
                    _tats[demand.Key] = Evaluate(demand, now + wait).NextTat;
                }
            }

            PruneNowAndThen(now);
            return new BucketTake(true, TimeSpan.FromTicks(wait));
        }
    }

    public ValueTask PauseAsync(string key, TimeSpan delay, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().UtcTicks + delay.Ticks;
        lock (_lock)
        {
            if (!_pausedUntil.TryGetValue(key, out var current) || current < until)
            {
                _pausedUntil[key] = until;
            }
        }

        return ValueTask.CompletedTask;
    }

    private long PausedFor(string key, long now) => _pausedUntil.TryGetValue(key, out var until) ? until - now : 0;

    private (long Wait, long NextTat) Evaluate(BucketDemand demand, long now) =>
        Gcra.Evaluate(_tats.GetValueOrDefault(demand.Key), now, demand.Emission.Ticks, demand.Tolerance.Ticks, demand.Cost);

    // A bucket whose TAT has passed is full, the same as one never seen; forgetting it bounds the memory that
    // per-partition buckets (one per Slack channel) would otherwise take.
    private void PruneNowAndThen(long now)
    {
        if (++_takesSincePrune < PruneEvery)
        {
            return;
        }

        _takesSincePrune = 0;
        foreach (var (key, tat) in _tats)
        {
            if (tat <= now)
            {
                _tats.Remove(key);
            }
        }

        foreach (var (key, until) in _pausedUntil)
        {
            if (until <= now)
            {
                _pausedUntil.Remove(key);
            }
        }
    }
}
