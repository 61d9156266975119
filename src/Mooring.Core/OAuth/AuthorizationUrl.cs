using System.Text;
using Mooring.Providers;

namespace Mooring.OAuth;

/// <summary>Builds the authorization request URL (RFC 6749 section 4.1.1 with PKCE, RFC 7636 section 4.3).</summary>
internal static class AuthorizationUrl
{
    public static Uri Build(ProviderDefinition provider, string clientId, string redirectUri, IReadOnlyList<string> scopes, string state, string? codeChallenge)
    {
        var oauth = provider.OAuth2!;
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", clientId),
            new("redirect_uri", redirectUri),
            new("state", state),
        };
        if (scopes.Count > 0)
        {
            query.Add(new("scope", string.Join(oauth.ScopeSeparator, scopes)));
        }

        if (codeChallenge is not null)
        {
            query.Add(new("code_challenge", codeChallenge));
            query.Add(new("code_challenge_method", "S256"));
        }

        foreach (var (name, value) in oauth.AuthorizeParameters)
        {
            if (!query.Exists(p => p.Key == name))
            {
                query.Add(new(name, value));
            }
        }

        var url = new StringBuilder(oauth.AuthorizationUrl!.AbsoluteUri);
        var separator = oauth.AuthorizationUrl.Query.Length > 1 ? '&' : '?';
        foreach (var (name, value) in query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(url.ToString());
    }
}
