namespace Mooring.Providers;

/// <summary>The OAuth 2.0 authorization code grant (with PKCE) as a provider runs it.</summary>
public sealed record OAuth2Settings
{
    /// <summary>The authorization endpoint users are sent to. Filled by discovery when <see cref="Discovery"/> is set.</summary>
    public Uri? AuthorizationUrl { get; init; }

    /// <summary>The token endpoint for code exchange and refresh. Filled by discovery when <see cref="Discovery"/> is set.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>The endpoint that revokes a token, if any (not always RFC 7009; see the provider's notes).</summary>
    public Uri? RevocationUrl { get; init; }

    /// <summary>The endpoint that describes the signed-in user, if any.</summary>
    public Uri? UserInfoUrl { get; init; }

    /// <summary>
    /// The issuer identifier, compared exactly with the <c>iss</c> authorization response parameter (RFC 9207)
    /// and with discovered metadata. Required when <see cref="Discovery"/> is set.
    /// </summary>
    public string? Issuer { get; init; }

    /// <summary>Whether endpoints are discovered from the issuer (RFC 8414, then OpenID Connect Discovery).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Discovery { get; init; }

    /// <summary>Whether the provider sends <c>iss</c> in the authorization response (RFC 9207), which must then be checked.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AuthorizationResponseIssParameterSupported { get; init; }

    /// <summary>Scopes requested when the caller names none.</summary>
    public IReadOnlyList<string> DefaultScopes { get; init; } = [];

    /// <summary>The separator between scopes in the <c>scope</c> parameter and in token responses.</summary>
    /// <value>The default value is a single space, as RFC 6749 section 3.3 defines.</value>
    public string ScopeSeparator { get; init; } = " ";

    /// <summary>Extra parameters added to the authorization request, such as Google's <c>access_type=offline</c>.</summary>
    public IReadOnlyDictionary<string, string> AuthorizeParameters { get; init; } = ProviderDefinition.EmptyHeaders;

    /// <summary>
    /// Parameters of the authorization response kept as connection metadata, by metadata key: GitHub adds
    /// <c>installation_id</c> to the callback when a GitHub App is installed with user authorization. Plain text: never a secret.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> CallbackMetadata { get; init; } = ProviderDefinition.EmptyHeaders;

    /// <summary>Whether PKCE is supported or required.</summary>
    /// <value>The default value is <see cref="PkceSupport.Supported"/>.</value>
    public PkceSupport Pkce { get; init; } = PkceSupport.Supported;

    /// <summary>How the client authenticates to the token endpoint.</summary>
    /// <value>The default value is <see cref="ClientAuthenticationStyle.ClientSecretBasic"/>, which RFC 6749 requires servers to support.</value>
    public ClientAuthenticationStyle ClientAuthentication { get; init; } = ClientAuthenticationStyle.ClientSecretBasic;

    /// <summary>Headers added to token requests, such as GitHub's <c>Accept: application/json</c>.</summary>
    public IReadOnlyDictionary<string, string> TokenRequestHeaders { get; init; } = ProviderDefinition.EmptyHeaders;

    /// <summary>How long before expiry an access token is refreshed (JSON <c>refreshAheadSeconds</c>).</summary>
    /// <value>The default value is 60 seconds.</value>
    [System.Text.Json.Serialization.JsonPropertyName("refreshAheadSeconds")]
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether a refresh returns a new refresh token that replaces the old one, which must then be stored at once.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RotatesRefreshTokens { get; init; }

    /// <summary>Where the parts of a token response are.</summary>
    public TokenResponseMapping TokenResponse { get; init; } = new();
}
