using Mooring.Providers;

namespace Mooring.Connections;

/// <summary>When a stored access token may still be handed out.</summary>
internal static class TokenPolicy
{
    /// <summary>The stored token if it is valid beyond the provider's refresh-ahead margin; otherwise <see langword="null"/>.</summary>
    public static AccessToken? Usable(Connection connection, ConnectionCredentials? credentials, IProviderCatalog catalog, TimeProvider time)
    {
        if (connection.AuthMode is not (AuthMode.OAuth2 or AuthMode.OAuth2ClientCredentials))
        {
            throw new InvalidOperationException(
                $"The connection '{connection.Id}' uses {connection.AuthMode}, which has no access token; read its credentials from IConnectionVault.");
        }

        if (connection.Status == ConnectionStatus.NeedsReconnect || credentials?.AccessToken is not { } value)
        {
            return null;
        }

        if (connection.ExpiresAt is { } expiresAt && expiresAt - RefreshAhead(connection, catalog) <= time.GetUtcNow())
        {
            return null;
        }

        return new AccessToken(value, AuthorizationScheme(credentials.TokenType), connection.ExpiresAt);
    }

    /// <summary>The scheme to send: the token type, except types that are not schemes (Slack's <c>bot</c> and <c>user</c>).</summary>
    public static string AuthorizationScheme(string? tokenType) =>
        tokenType is null || tokenType.Equals("bot", StringComparison.OrdinalIgnoreCase) || tokenType.Equals("user", StringComparison.OrdinalIgnoreCase)
        || tokenType.Equals("bearer", StringComparison.OrdinalIgnoreCase)
            ? "Bearer"
            : tokenType;

    public static TimeSpan RefreshAhead(Connection connection, IProviderCatalog catalog) =>
        catalog.TryGet(connection.Provider, out var definition) && definition.OAuth2 is { } oauth ? oauth.RefreshAhead : TimeSpan.FromSeconds(60);
}
