namespace Mooring.Outbound.RateLimiting;

/// <summary>Where buckets are counted: in this process (<see cref="LocalBucketStore"/>) or in Redis, shared by instances.</summary>
internal interface IBucketStore
{
    /// <summary>
    /// Takes every demand at once if all of them conform and none of their buckets is paused, and returns zero;
    /// otherwise takes nothing and returns how long to wait before trying again.
    /// </summary>
    ValueTask<TimeSpan> TryTakeAsync(IReadOnlyList<BucketDemand> demands, CancellationToken cancellationToken);

    /// <summary>Lets no demand on <paramref name="key"/> through for <paramref name="delay"/> from now (a longer pause stays).</summary>
    ValueTask PauseAsync(string key, TimeSpan delay, CancellationToken cancellationToken);
}
