namespace Mooring.Providers;

/// <summary>The response headers that carry rate-limit state; a <see langword="null"/> name means the provider does not send it.</summary>
public sealed record RateLimitHeaders
{
    /// <summary>The header that says how long to wait (RFC 9110 section 10.2.3).</summary>
    /// <value>The default value is <c>Retry-After</c>.</value>
    public string? RetryAfter { get; init; } = "Retry-After";

    /// <summary>The header with the size of the current window.</summary>
    public string? Limit { get; init; }

    /// <summary>The header with what is left in the current window.</summary>
    public string? Remaining { get; init; }

    /// <summary>The header with what has been used in the current window.</summary>
    public string? Used { get; init; }

    /// <summary>The header with when the current window resets.</summary>
    public string? Reset { get; init; }

    /// <summary>How <see cref="Reset"/> is expressed.</summary>
    /// <value>The default value is <see cref="RateLimitResetFormat.DeltaSeconds"/>.</value>
    public RateLimitResetFormat ResetFormat { get; init; } = RateLimitResetFormat.DeltaSeconds;

    /// <summary>The header naming which limit the other headers describe (GitHub's <c>x-ratelimit-resource</c>).</summary>
    public string? Resource { get; init; }

    /// <summary>Whether the IETF <c>RateLimit</c> and <c>RateLimit-Policy</c> headers (draft-ietf-httpapi-ratelimit-headers) are read.</summary>
    /// <value>The default value is <see langword="true"/>: they are read when present.</value>
    public bool Ietf { get; init; } = true;

    /// <summary>A header in which the provider says whether a failed request may be retried (<c>Stripe-Should-Retry</c>).</summary>
    public string? ShouldRetry { get; init; }
}
