namespace Mooring.Providers;

/// <summary>A limit of requests (or cost units) per period, or of concurrent requests.</summary>
public sealed record RateLimitBucket
{
    /// <summary>A name for logs and metrics, unique within the provider.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What the limit is counted across.</summary>
    /// <value>The default value is <see cref="RateLimitScope.Connection"/>.</value>
    public RateLimitScope Scope { get; init; } = RateLimitScope.Connection;

    /// <summary>How many requests, or cost units, are allowed per <see cref="Period"/>.</summary>
    public int? Limit { get; init; }

    /// <summary>The window of <see cref="Limit"/> (JSON <c>periodSeconds</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("periodSeconds")]
    public TimeSpan? Period { get; init; }

    /// <summary>How many requests may be in flight at once, if the provider limits that.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>
    /// Limits that replace <see cref="Limit"/> for connections whose API key starts with a prefix: Stripe allows 25
    /// requests per second to test-mode keys (<c>sk_test_</c>, <c>rk_test_</c>) and 100 to live ones. The first prefix
    /// the key starts with applies; connections without an API key keep <see cref="Limit"/>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, int> LimitByKeyPrefix { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
