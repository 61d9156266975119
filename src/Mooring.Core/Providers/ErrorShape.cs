namespace Mooring.Providers;

/// <summary>JSON pointers (RFC 6901) to the parts of an API error response body; <see langword="null"/> where the provider has none.</summary>
public sealed record ErrorShape
{
    /// <summary>A boolean that is <see langword="false"/> on failure even with HTTP 200 (Slack's <c>/ok</c>).</summary>
    public string? Success { get; init; }

    /// <summary>A machine-readable error code.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// A message for people; a pointer to an array of strings (Slack's <c>/response_metadata/messages</c>) gives them
    /// joined with "; ".
    /// </summary>
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

    /// <summary>The scope the call needs and the token lacks (Slack's <c>/needed</c> with <c>missing_scope</c>), named in the explanation.</summary>
    public string? NeededScope { get; init; }

    /// <summary>A link to documentation about the error.</summary>
    public string? DocumentationUrl { get; init; }

    /// <summary>
    /// Error codes (read through the pointers above) that mean "the access token expired", whatever the status: like a
    /// 401, they make Mooring refresh an OAuth token once and send the request again (Slack's <c>token_expired</c>,
    /// answered with HTTP 200 when a rotating token has expired).
    /// </summary>
    /// <value>The default value is empty: only a 401 refreshes.</value>
    public IReadOnlyList<string> ExpiredTokenCodes { get; init; } = [];
}
