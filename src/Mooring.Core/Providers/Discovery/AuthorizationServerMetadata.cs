namespace Mooring.Providers.Discovery;

/// <summary>The fields Mooring reads from RFC 8414 / OpenID Connect Discovery 1.0 metadata (snake_case in JSON).</summary>
internal sealed record AuthorizationServerMetadata
{
    public string? Issuer { get; init; }

    public string? AuthorizationEndpoint { get; init; }

    public string? TokenEndpoint { get; init; }

    public string? RevocationEndpoint { get; init; }

    public string? UserinfoEndpoint { get; init; }

    public IReadOnlyList<string>? CodeChallengeMethodsSupported { get; init; }

    public IReadOnlyList<string>? TokenEndpointAuthMethodsSupported { get; init; }

    public bool AuthorizationResponseIssParameterSupported { get; init; }
}
