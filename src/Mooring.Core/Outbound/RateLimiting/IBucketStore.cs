namespace Mooring.Outbound.RateLimiting;

/// <summary>Where buckets are counted: in this process (<see cref="LocalBucketStore"/>) or in Redis, shared by instances.</summary>
internal interface IBucketStore
{
    /// <summary>
    /// Takes every demand at once, for the first moment at which all of them conform and none of their buckets is
    /// paused, if that moment is at most <paramref name="horizon"/> away (a reservation: the caller sleeps until then);
    /// otherwise takes nothing. Either way the result says how long until that moment.
    /// </summary>
    ValueTask<BucketTake> TryTakeAsync(IReadOnlyList<BucketDemand> demands, TimeSpan horizon, CancellationToken cancellationToken);

    /// <summary>Lets no demand on <paramref name="key"/> through for <paramref name="delay"/> from now (a longer pause stays).</summary>
    ValueTask PauseAsync(string key, TimeSpan delay, CancellationToken cancellationToken);
}
