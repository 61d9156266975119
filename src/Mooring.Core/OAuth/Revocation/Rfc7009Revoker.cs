using Duende.IdentityModel.Client;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.OAuth.Revocation;

/// <summary>
/// RFC 7009: the refresh token first (which ends the grant at most servers, Google included), then the access token,
/// each with its <c>token_type_hint</c> and the client's authentication.
/// </summary>
internal sealed class Rfc7009Revoker(IHttpClientFactory httpClients) : ITokenRevoker
{
    public async Task<string?> RevokeAsync(ProviderDefinition provider, OAuthClientSettings client, ConnectionCredentials credentials, CancellationToken cancellationToken)
    {
        var url = provider.OAuth2!.RevocationUrl!.AbsoluteUri;
        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        foreach (var (token, hint) in new[] { (credentials.RefreshToken, "refresh_token"), (credentials.AccessToken, "access_token") })
        {
            if (token is null)
            {
                continue;
            }

            using var request = new TokenRevocationRequest
            {
                Address = url,
                ClientId = client.ClientId!,
                ClientSecret = string.IsNullOrEmpty(client.ClientSecret) ? null : client.ClientSecret,
                ClientCredentialStyle = provider.OAuth2.ClientAuthentication == ClientAuthenticationStyle.ClientSecretPost || string.IsNullOrEmpty(client.ClientSecret)
                    ? ClientCredentialStyle.PostBody
                    : ClientCredentialStyle.AuthorizationHeader,
                Token = token,
                TokenTypeHint = hint,
            };
            var response = await http.RevokeTokenAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsError)
            {
                return response.ErrorType == ResponseErrorType.Exception ? "network_error" : response.Error ?? $"http_{(int)response.HttpStatusCode}";
            }
        }

        return null;
    }
}
