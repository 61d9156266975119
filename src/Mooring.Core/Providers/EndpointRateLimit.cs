namespace Mooring.Providers;

/// <summary>A class of endpoints with a limit of its own, or a cost against the default buckets.</summary>
public sealed record EndpointRateLimit
{
    /// <summary>A name for logs and metrics, such as <c>tier2</c>, unique within the provider.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// Path patterns relative to the API base URL, optionally preceded by a method: <c>POST /chat.postMessage</c>,
    /// <c>GET /v1/customers/search</c>. <c>*</c> matches within one path segment, <c>**</c> across segments.
    /// </summary>
    public IReadOnlyList<string> Match { get; init; } = [];

    /// <summary>What the limit is counted across.</summary>
    /// <value>The default value is <see cref="RateLimitScope.Connection"/>.</value>
    public RateLimitScope Scope { get; init; } = RateLimitScope.Connection;

    /// <summary>How many requests are allowed per <see cref="Period"/>, if the class has a limit of its own.</summary>
    public int? Limit { get; init; }

    /// <summary>The window of <see cref="Limit"/> (JSON <c>periodSeconds</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("periodSeconds")]
    public TimeSpan? Period { get; init; }

    /// <summary>
    /// Whether each pattern of <see cref="Match"/> is counted on its own (Slack's tiers are per method) instead of
    /// the whole class sharing one count (GitHub's content-creation limit).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PerPattern { get; init; }

    /// <summary>A request parameter whose value splits the limit further, such as Slack's per-channel <c>channel</c>.</summary>
    public string? PartitionParameter { get; init; }

    /// <summary>How many units one call takes from the default buckets, such as Gmail's quota units.</summary>
    /// <value>The default value is 1.</value>
    public int Cost { get; init; } = 1;
}
