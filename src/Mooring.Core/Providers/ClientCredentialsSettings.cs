namespace Mooring.Providers;

/// <summary>The OAuth 2.0 client credentials grant, on behalf of the app itself.</summary>
public sealed record ClientCredentialsSettings
{
    /// <summary>The token endpoint; when unset, that of <see cref="ProviderDefinition.OAuth2"/> is used.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>Scopes requested when the caller names none.</summary>
    public IReadOnlyList<string> DefaultScopes { get; init; } = [];

    /// <summary>How the client authenticates to the token endpoint.</summary>
    /// <value>The default value is <see cref="ClientAuthenticationStyle.ClientSecretBasic"/>.</value>
    public ClientAuthenticationStyle ClientAuthentication { get; init; } = ClientAuthenticationStyle.ClientSecretBasic;

    /// <summary>Extra form parameters of the token request, such as an <c>audience</c>.</summary>
    public IReadOnlyDictionary<string, string> TokenParameters { get; init; } = ProviderDefinition.EmptyHeaders;
}
