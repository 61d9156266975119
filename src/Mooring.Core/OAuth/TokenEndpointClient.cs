using Duende.IdentityModel.Client;
using Mooring.Providers;

namespace Mooring.OAuth;

/// <summary>
/// The OAuth wire calls (Duende.IdentityModel over <see cref="IHttpClientFactory"/>): code exchange, refresh and client
/// credentials, each answer read by the provider's <see cref="ITokenResponseMapper"/> and classified. One attempt per
/// call; retries are the caller's resilience pipeline.
/// </summary>
internal sealed class TokenEndpointClient(IHttpClientFactory httpClients, OAuthClients clients, TokenResponseReader reader)
{
    public async Task<TokenEndpointResult> ExchangeCodeAsync(
        ProviderDefinition provider, string code, string redirectUri, string? codeVerifier, CancellationToken cancellationToken)
    {
        var oauth = Settings(provider);
        using var request = Prepare(new AuthorizationCodeTokenRequest
        {
            Code = code,
            RedirectUri = redirectUri,
            CodeVerifier = codeVerifier,
        }, provider, oauth.TokenUrl!, oauth.ClientAuthentication, oauth.TokenRequestHeaders);
        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        var response = await http.RequestAuthorizationCodeTokenAsync(request, cancellationToken).ConfigureAwait(false);
        return reader.Read(provider, response, cancellationToken);
    }

    public async Task<TokenEndpointResult> RefreshAsync(ProviderDefinition provider, string refreshToken, CancellationToken cancellationToken)
    {
        var oauth = Settings(provider);
        using var request = Prepare(new RefreshTokenRequest { RefreshToken = refreshToken }, provider, oauth.TokenUrl!, oauth.ClientAuthentication, oauth.TokenRequestHeaders);
        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        var response = await http.RequestRefreshTokenAsync(request, cancellationToken).ConfigureAwait(false);
        return reader.Read(provider, response, cancellationToken);
    }

    public async Task<TokenEndpointResult> ClientCredentialsAsync(ProviderDefinition provider, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var settings = provider.ClientCredentials
            ?? throw new InvalidOperationException($"The provider '{provider.Key}' has no clientCredentials settings.");
        var tokenUrl = settings.TokenUrl ?? provider.OAuth2?.TokenUrl
            ?? throw new InvalidOperationException($"The provider '{provider.Key}' has no token URL for the client credentials grant.");
        var requested = scopes.Count > 0 ? scopes : settings.DefaultScopes;
        using var request = Prepare(
            new ClientCredentialsTokenRequest { Scope = requested.Count > 0 ? string.Join(provider.OAuth2?.ScopeSeparator ?? " ", requested) : null },
            provider, tokenUrl, settings.ClientAuthentication, ProviderDefinition.EmptyHeaders);
        foreach (var (name, value) in settings.TokenParameters)
        {
            request.Parameters.Add(name, value);
        }

        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        var response = await http.RequestClientCredentialsTokenAsync(request, cancellationToken).ConfigureAwait(false);
        return reader.Read(provider, response, cancellationToken);
    }

    private static OAuth2Settings Settings(ProviderDefinition provider) =>
        provider.OAuth2 is { TokenUrl: not null } oauth
            ? oauth
            : throw new InvalidOperationException($"The provider '{provider.Key}' has no OAuth 2.0 token URL.");

    private T Prepare<T>(T request, ProviderDefinition provider, Uri tokenUrl, ClientAuthenticationStyle style, IReadOnlyDictionary<string, string> headers)
        where T : ProtocolRequest
    {
        var client = clients.Get(provider);
        request.Address = tokenUrl.AbsoluteUri;
        request.ClientId = client.ClientId!;
        request.ClientSecret = string.IsNullOrEmpty(client.ClientSecret) ? null : client.ClientSecret;
        request.ClientCredentialStyle = style == ClientAuthenticationStyle.ClientSecretPost || request.ClientSecret is null
            ? ClientCredentialStyle.PostBody
            : ClientCredentialStyle.AuthorizationHeader;
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
