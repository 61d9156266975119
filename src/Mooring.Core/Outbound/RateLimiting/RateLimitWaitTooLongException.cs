namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// The next slot under the rate limits that pace a request is further away than its call is willing to wait: the call
/// fails at once as rate limited, with <see cref="Wait"/> as its retry time, instead of waiting out its budget.
/// </summary>
internal sealed class RateLimitWaitTooLongException(TimeSpan wait)
    : Exception($"The next rate-limit slot is {wait.TotalSeconds:0.#} s away, beyond the call's budget.")
{
    /// <summary>How long until the slot.</summary>
    public TimeSpan Wait { get; } = wait;
}
