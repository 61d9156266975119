using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.OAuth.Revocation;

/// <summary>
/// GitHub: <c>DELETE /applications/{client_id}/grant</c> would remove every token of the app for the user;
/// <c>DELETE /applications/{client_id}/token</c> removes this one, with HTTP Basic client authentication and the token in
/// a JSON body, answering 204 (https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-token).
/// </summary>
internal sealed class GitHubRevoker(IHttpClientFactory httpClients) : ITokenRevoker
{
    public const string ProviderKey = "github";

    public async Task<string?> RevokeAsync(ProviderDefinition provider, OAuthClientSettings client, ConnectionCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.AccessToken is null)
        {
            return null;
        }

        var url = provider.OAuth2!.RevocationUrl!.OriginalString.Replace("{clientId}", Uri.EscapeDataString(client.ClientId!), StringComparison.Ordinal);
        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Delete, url)
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["access_token"] = credentials.AccessToken }),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        foreach (var (name, value) in provider.DefaultRequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.UserAgent.ParseAdd("Mooring");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound ? null : $"http_{(int)response.StatusCode}";
    }
}
