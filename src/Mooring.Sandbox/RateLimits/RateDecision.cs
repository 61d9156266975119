namespace Mooring.Sandbox.RateLimits;

/// <summary>The outcome of counting one request against a fixed window.</summary>
internal readonly record struct RateDecision(bool Allowed, int Limit, int Used, DateTimeOffset ResetAt, TimeSpan RetryAfter)
{
    public int Remaining => Math.Max(0, Limit - Used);

    /// <summary>Gets the wait in whole seconds, rounded up, as Retry-After carries it.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
