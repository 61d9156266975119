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
    TimeSpan? ShortestPeriod)
{
    /// <summary>Where <see cref="LearnedLimits"/> keeps the names of the limits learned for this endpoint class.</summary>
    public string NamesKey { get; } = Provider + ":" + EndpointClass;

    /// <summary>The keys of the learned limits, for the names they were made from (made once per names, not per call).</summary>
    internal LearnedLimits.KeySet? LearnedKeys { get; set; }

    /// <summary>The keys a caller waits on in the queue, for the learned keys they were made from.</summary>
    internal (string[] Learned, HashSet<string> All)? QueueKeys { get; set; }
}

/// <summary>A limit of requests in flight at once under <see cref="Key"/>.</summary>
internal readonly record struct ConcurrencyDemand(string Key, int Limit);
