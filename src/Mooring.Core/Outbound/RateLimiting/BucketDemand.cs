namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// What one call takes from one bucket: <see cref="Cost"/> emission intervals of the bucket's GCRA, within its burst
/// tolerance. A demand with a zero <see cref="Emission"/> only checks that the bucket is not paused.
/// </summary>
internal readonly record struct BucketDemand(string Key, TimeSpan Emission, TimeSpan Tolerance, int Cost)
{
    public bool IsPaced => Emission > TimeSpan.Zero;

    public static BucketDemand PauseOnly(string key) => new(key, TimeSpan.Zero, TimeSpan.Zero, 0);

    /// <summary>
    /// <paramref name="limit"/> per <paramref name="period"/>, shaped so that no window of the provider sees more than
    /// the limit: a burst of B and an emission interval of period × (1 + margin) / (limit − B + 1), which admits at most
    /// B + (period + margin) / interval − 1 = limit calls in any span of one period plus the margin.
    /// </summary>
    public static BucketDemand Paced(string key, int limit, TimeSpan period, int cost, PacingShape shape)
    {
        var burst = Math.Clamp(Math.Max((int)(limit * shape.BurstFraction), shape.MinimumBurst), 1, limit);
        var emission = period * (1 + shape.SafetyMargin) / (limit - burst + 1);
        return new(key, emission, emission * (burst - 1), Math.Max(1, cost));
    }
}
