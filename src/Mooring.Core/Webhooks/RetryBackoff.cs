namespace Mooring.Webhooks;

/// <summary>
/// Exponential backoff with jitter: attempt n waits between half and all of <c>base × 2^(n-1)</c>, capped. The random half
/// spreads retries of events that failed together; the fixed half keeps the delay growing.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
