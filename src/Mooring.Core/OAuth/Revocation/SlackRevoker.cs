using System.Net.Http.Headers;
using System.Text.Json;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.OAuth.Revocation;

/// <summary>
/// Slack: <c>auth.revoke</c> is a Web API method called with the token itself, answering HTTP 200 with
/// <c>{"ok": true, "revoked": true}</c> or <c>{"ok": false, "error": …}</c> (https://docs.slack.dev/reference/methods/auth.revoke).
/// The bot token and, if stored, the user token are each revoked.
/// </summary>
internal sealed class SlackRevoker(IHttpClientFactory httpClients) : ITokenRevoker
{
    public const string ProviderKey = "slack";

    public async Task<string?> RevokeAsync(ProviderDefinition provider, OAuthClientSettings client, ConnectionCredentials credentials, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(OAuthConstants.HttpClientName);
        string? userToken = null;
        credentials.Extra?.TryGetValue("user_access_token", out userToken);
        foreach (var token in new[] { credentials.AccessToken, userToken })
        {
            if (token is null)
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, provider.OAuth2!.RevocationUrl);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return $"http_{(int)response.StatusCode}";
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var root = body.RootElement;
            var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            if (!ok && !(root.TryGetProperty("error", out var e) && e.GetString() is "token_revoked" or "invalid_auth"))
            {
                return root.TryGetProperty("error", out var error) ? error.GetString() ?? "not_ok" : "not_ok";
            }
        }

        return null;
    }
}
