namespace Mooring.Providers;

/// <summary>
/// JSON pointers (RFC 6901) to the parts of a token endpoint response. The defaults are those of RFC 6749 section 5.
/// </summary>
public sealed record TokenResponseMapping
{
    /// <summary>The access token.</summary>
    /// <value>The default value is <c>/access_token</c>.</value>
    public string AccessToken { get; init; } = "/access_token";

    /// <summary>The refresh token.</summary>
    /// <value>The default value is <c>/refresh_token</c>.</value>
    public string? RefreshToken { get; init; } = "/refresh_token";

    /// <summary>The lifetime of the access token in seconds.</summary>
    /// <value>The default value is <c>/expires_in</c>.</value>
    public string? ExpiresIn { get; init; } = "/expires_in";

    /// <summary>The granted scopes, separated by the provider's scope separator.</summary>
    /// <value>The default value is <c>/scope</c>.</value>
    public string? Scope { get; init; } = "/scope";

    /// <summary>The separator between granted scopes in the response, where it differs from the request's (GitHub: comma).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OAuth2Settings.ScopeSeparator"/>.</value>
    public string? ScopeSeparator { get; init; }

    /// <summary>The token type.</summary>
    /// <value>The default value is <c>/token_type</c>.</value>
    public string? TokenType { get; init; } = "/token_type";

    /// <summary>The error code (RFC 6749 section 5.2).</summary>
    /// <value>The default value is <c>/error</c>.</value>
    public string? Error { get; init; } = "/error";

    /// <summary>The human-readable error description.</summary>
    /// <value>The default value is <c>/error_description</c>.</value>
    public string? ErrorDescription { get; init; } = "/error_description";

    /// <summary>
    /// A boolean that is <see langword="false"/> on failure even when the HTTP status is 200 (Slack's <c>/ok</c>).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: success is told by the status code and <see cref="Error"/>.</value>
    public string? Success { get; init; }

    /// <summary>
    /// Values of the response kept as connection metadata, by metadata key: JSON pointers to strings or numbers, such as
    /// Slack's <c>team_id</c> at <c>/team/id</c>, which webhook routing uses to find the connection of an event.
    /// Stored in plain text: never point at a secret.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = ProviderDefinition.EmptyHeaders;

    /// <summary>Where a second, user-level token is, when the provider returns one beside the app's (Slack's <c>authed_user</c>).</summary>
    public TokenFieldMapping? UserToken { get; init; }
}
