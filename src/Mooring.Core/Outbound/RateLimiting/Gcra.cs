namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// The generic cell rate algorithm: one theoretical arrival time (TAT) per bucket. A call of <c>cost</c> units conforms
/// when the TAT, less the burst tolerance, is not in the future; it then moves the TAT on by <c>cost</c> emission
/// intervals. The same arithmetic runs in Redis (<c>RedisScripts</c> in Mooring.Redis) on Redis's clock.
/// </summary>
internal static class Gcra
{
    /// <summary>How long to wait before the call conforms (zero: now), and the TAT once it is taken.</summary>
    /// <remarks>
    /// A call dearer than the burst is let through when the bucket is full (TAT in the past), not never.
    /// All values are in the same unit (ticks here, microseconds in Redis).
    /// </remarks>
    public static (long Wait, long NextTat) Evaluate(long tat, long now, long emission, long tolerance, int cost)
    {
        var start = Math.Max(tat, now);
        var allowAt = Math.Min(start + ((cost - 1) * emission) - tolerance, start);
        return (Math.Max(0, allowAt - now), start + (cost * emission));
    }
}
