namespace Mooring.Providers;

/// <summary>JSON pointers (RFC 6901) to the parts of an API error response body; <see langword="null"/> where the provider has none.</summary>
public sealed record ErrorShape
{
    /// <summary>A boolean that is <see langword="false"/> on failure even with HTTP 200 (Slack's <c>/ok</c>).</summary>
    public string? Success { get; init; }

    /// <summary>A machine-readable error code.</summary>
    public string? Code { get; init; }

    /// <summary>A message for people.</summary>
    public string? Message { get; init; }

    /// <summary>The error's category (Stripe's <c>/error/type</c>).</summary>
    public string? Type { get; init; }

    /// <summary>A finer reason (Google's <c>/error/errors/0/reason</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>A canonical status name (Google's <c>/error/status</c>, such as <c>PERMISSION_DENIED</c>).</summary>
    public string? Status { get; init; }

    /// <summary>A card decline code (Stripe's <c>/error/decline_code</c>).</summary>
    public string? DeclineCode { get; init; }

    /// <summary>The request parameter the error is about.</summary>
    public string? Param { get; init; }

    /// <summary>A link to documentation about the error.</summary>
    public string? DocumentationUrl { get; init; }
}
