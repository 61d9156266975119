namespace Mooring.Outbound.RateLimiting;

/// <summary>How limits become GCRA parameters (<see cref="RateLimitingOptions.SafetyMargin"/>, <see cref="RateLimitingOptions.BurstFraction"/>, <see cref="RateLimitingOptions.MinimumBurst"/>).</summary>
internal readonly record struct PacingShape(double SafetyMargin, double BurstFraction, int MinimumBurst)
{
    public static PacingShape From(RateLimitingOptions options) => new(options.SafetyMargin, options.BurstFraction, options.MinimumBurst);
}
