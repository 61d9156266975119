namespace Mooring.Outbound.RateLimiting;

/// <summary>What an answer's body said of rate limits, which <see cref="ProviderRateLimiter"/> does not read itself.</summary>
internal enum BodyLimit
{
    /// <summary>Nothing: the status and the headers speak for the answer.</summary>
    None,

    /// <summary>Rate limited by an error code (Google's 403 <c>userRateLimitExceeded</c>, Slack's <c>ok:false</c> <c>ratelimited</c>): paused as a 429 is.</summary>
    Limited,

    /// <summary>
    /// Rate limited by a message of the provider's <c>limitedMessages</c> (GitHub's secondary limits): the whole
    /// connection pauses, every bucket of it, not only the endpoint that was answered.
    /// </summary>
    Connection,
}
