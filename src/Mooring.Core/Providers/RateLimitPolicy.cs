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
}
