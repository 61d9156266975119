using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.OAuth;

/// <summary>Stores the tokens of a completed authorization: a new connection, or the same id connected again (active again).</summary>
internal sealed class ConnectionSaver(IConnectionVault vault, ConnectionEvents events, TimeProvider time, ILogger<ConnectionSaver> logger)
{
    public async Task<Connection> SaveAsync(OAuthStateRecord record, TokenEndpointResult result, CancellationToken cancellationToken)
    {
        var token = result.Token!;
        var credentials = new ConnectionCredentials
        {
            AccessToken = token.AccessToken,
            RefreshToken = token.RefreshToken,
            TokenType = token.TokenType,
            Extra = result.UserToken is { } user ? UserTokenExtra(user) : null,
        };
        var expiresAt = token.ExpiresIn is { } lifetime ? time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        var scopes = token.Scopes.Count > 0 ? token.Scopes : record.Scopes;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await vault.GetAsync(record.ConnectionId, cancellationToken).ConfigureAwait(false);
            Connection? saved;
            if (existing is not var (current, _))
            {
                var created = new Connection
                {
                    Id = record.ConnectionId,
                    Provider = record.Provider,
                    EndUserRef = record.EndUserRef,
                    TenantRef = record.TenantRef,
                    AuthMode = AuthMode.OAuth2,
                    Scopes = scopes,
                    ExpiresAt = expiresAt,
                    Metadata = Merge(new Dictionary<string, string>(), result.Metadata),
                };
                saved = await TryCreateAsync(created, credentials, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (current.Provider != record.Provider)
                {
                    throw new InvalidOperationException($"The connection '{current.Id}' belongs to '{current.Provider}', not '{record.Provider}'.");
                }

                var reconnected = current with
                {
                    AuthMode = AuthMode.OAuth2,
                    Status = ConnectionStatus.Active,
                    StatusMessage = null,
                    Scopes = scopes,
                    ExpiresAt = expiresAt,
                    EndUserRef = record.EndUserRef ?? current.EndUserRef,
                    TenantRef = record.TenantRef ?? current.TenantRef,
                    Metadata = Merge(current.Metadata, result.Metadata),
                };
                saved = await vault.UpdateAsync(reconnected, credentials, current.Version, cancellationToken).ConfigureAwait(false);
            }

            if (saved is not null)
            {
                Log.Connected(logger, saved.Provider.Value, saved.Id.Value);
                await events.RaiseAsync(new ConnectionEvent(ConnectionEventKind.Connected, saved), cancellationToken).ConfigureAwait(false);
                return saved;
            }

            if (attempt >= ConnectionsConstants.WriteAttempts)
            {
                throw new InvalidOperationException($"The connection '{record.ConnectionId}' kept changing while its tokens were being stored.");
            }
        }
    }

    private async Task<Connection?> TryCreateAsync(Connection connection, ConnectionCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            return await vault.CreateAsync(connection, credentials, cancellationToken).ConfigureAwait(false);
        }
        catch (DuplicateKeyException)
        {
            return null; // created meanwhile: the next attempt updates it
        }
    }

    /// <summary>What the provider said now (such as the workspace the app was installed into) replaces what it said before.</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> answered)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in answered)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static Dictionary<string, string> UserTokenExtra(Providers.ProviderToken user)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["user_access_token"] = user.AccessToken };
        if (user.RefreshToken is not null)
        {
            extra["user_refresh_token"] = user.RefreshToken;
        }

        return extra;
    }
}
