using Mooring.Providers;

namespace Mooring.OAuth;

/// <summary>A token endpoint's answer, classified. Carries no secret but <see cref="Token"/>, whose ToString is redacted.</summary>
internal sealed record TokenEndpointResult
{
    public required TokenOutcome Outcome { get; init; }

    public ProviderToken? Token { get; init; }

    public ProviderToken? UserToken { get; init; }

    /// <summary>Non-secret values of the response to keep as connection metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The OAuth error code, or a Mooring code such as <c>http_503</c> or <c>network_error</c>.</summary>
    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>How long the provider asked to wait (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static TokenEndpointResult Failed(TokenOutcome outcome, string error, string? description = null, int? status = null) =>
        new() { Outcome = outcome, Error = error, ErrorDescription = description, StatusCode = status };
}
