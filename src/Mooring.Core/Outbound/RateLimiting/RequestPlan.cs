namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// The buckets one request counts against, worked out once per attempt: the paced demands of the definition, the
/// scope its learned limits live under, the narrowest bucket (paused first on a 429) and the concurrency limits.
/// </summary>
internal sealed record RequestPlan(
    string Provider,
    string EndpointClass,
    string ConnectionScope,
    string? NarrowKey,
    IReadOnlyList<BucketDemand> Demands,
    IReadOnlyList<ConcurrencyDemand> Concurrency,
    TimeSpan? ShortestPeriod);

/// <summary>A limit of requests in flight at once under <see cref="Key"/>.</summary>
internal readonly record struct ConcurrencyDemand(string Key, int Limit);
