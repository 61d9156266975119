namespace Mooring.Outbound.RateLimiting;

/// <summary>How limits become GCRA parameters (<see cref="RateLimitingOptions.SafetyMargin"/>, <see cref="RateLimitingOptions.BurstFraction"/>).</summary>
internal readonly record struct PacingShape(double SafetyMargin, double BurstFraction);
