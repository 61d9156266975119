namespace Mooring.Providers;

/// <summary>How a provider limits request rates, so that calls are paced before it answers 429.</summary>
public sealed record RateLimitPolicy
{
    /// <summary>Limits every call counts against.</summary>
    public IReadOnlyList<RateLimitBucket> Buckets { get; init; } = [];

    /// <summary>Classes of endpoints with limits or costs of their own; the first that matches a request applies.</summary>
    public IReadOnlyList<EndpointRateLimit> Endpoints { get; init; } = [];

    /// <summary>The headers that report limits.</summary>
    public RateLimitHeaders Headers { get; init; } = new();

    /// <summary>HTTP status codes that always mean "rate limited".</summary>
    /// <value>The default value is [429].</value>
    public IReadOnlyList<int> LimitedStatusCodes { get; init; } = [429];

    /// <summary>
    /// Error codes or reasons (read through <see cref="ErrorShape"/>) that mean "rate limited" whatever the status,
    /// such as Google's <c>userRateLimitExceeded</c> on a 403.
    /// </summary>
    public IReadOnlyList<string> LimitedErrorCodes { get; init; } = [];

    /// <summary>
    /// Phrases of the error message (read through <see cref="ErrorShape.Message"/>) that mean "rate limited" whatever the
    /// status, matched as parts of the message without regard to case: GitHub answers its secondary limits with 403 or
    /// 429 and "You have exceeded a secondary rate limit", with or without <c>retry-after</c>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> LimitedMessages { get; init; } = [];

    /// <summary>
    /// How long to wait after a rate-limited answer that names no wait (no <c>Retry-After</c>, and no used-up limit with
    /// a reset), JSON <c>defaultRetryAfterSeconds</c>: GitHub asks to "wait for at least one minute before retrying". The
    /// retry, the limiter's pause and the error's <c>RetryAfter</c> all take it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the retry backs off, and the limiter pauses its <c>DefaultPause</c>.</value>
    [System.Text.Json.Serialization.JsonPropertyName("defaultRetryAfterSeconds")]
    public TimeSpan? DefaultRetryAfter { get; init; }
}
