using Microsoft.Extensions.Logging;
using Mooring.OAuth;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Connections;

/// <summary>
/// One refresh under the connection lock: re-read (another instance may have refreshed already), ask the token endpoint
/// through the resilience pipeline, and store access and refresh token together in one compare-and-set write, so that a
/// rotated refresh token is never stored apart from, or later than, the answer that carried it.
/// </summary>
internal sealed class TokenRefresher(
    IConnectionVault vault,
    IConnectionLock locks,
    IProviderCatalog catalog,
    TokenEndpointClient tokenEndpoint,
    TokenRequestPipeline pipeline,
    ConnectionStatusWriter statusWriter,
    TimeProvider time,
    ILogger<TokenRefresher> logger)
{
    public async Task<AccessToken> RefreshAsync(ConnectionId id, string? rejectedToken, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false);
        var (connection, credentials) = await vault.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException(id);
        if (connection.Status == ConnectionStatus.NeedsReconnect)
        {
            throw new ConnectionNeedsReconnectException(connection, connection.StatusMessage ?? "The connection needs to be connected again.");
        }

        if (TokenPolicy.Usable(connection, credentials, catalog, time) is { } current && current.Value != rejectedToken)
        {
            return current;
        }

        var provider = await catalog.GetResolvedAsync(connection.Provider, cancellationToken).ConfigureAwait(false);
        var result = await RequestAsync(provider, connection, credentials, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case TokenOutcome.Success:
                return await StoreAsync(connection, credentials, result.Token!, cancellationToken).ConfigureAwait(false);
            case TokenOutcome.Terminal:
                Log.RefreshRefused(logger, provider.Key.Value, id.Value, result.Error!, result.StatusCode);
                var message = Messages.GrantRefused(provider, result.Error!);
                var marked = await statusWriter.MarkNeedsReconnectAsync(id, message, cancellationToken).ConfigureAwait(false);
                throw new ConnectionNeedsReconnectException(marked ?? connection, message);
            default:
                Log.RefreshFailed(logger, provider.Key.Value, id.Value, result.Error!, result.StatusCode, result.Outcome);
                var transient = result.Outcome == TokenOutcome.Transient;
                throw new TokenRequestException(provider.Key, result.Error!, Messages.TokenRequestFailed(provider, result, transient), transient);
        }
    }

    private Task<TokenEndpointResult> RequestAsync(ProviderDefinition provider, Connection connection, ConnectionCredentials? credentials, CancellationToken cancellationToken)
    {
        if (connection.AuthMode == AuthMode.OAuth2ClientCredentials)
        {
            return pipeline.ExecuteAsync(ct => tokenEndpoint.ClientCredentialsAsync(provider, connection.Scopes, ct), cancellationToken);
        }

        if (credentials?.RefreshToken is not { } refreshToken)
        {
            return Task.FromResult(TokenEndpointResult.Failed(TokenOutcome.Terminal, "no_refresh_token", "The access token expired and the provider issued no refresh token."));
        }

        return pipeline.ExecuteAsync(ct => tokenEndpoint.RefreshAsync(provider, refreshToken, ct), cancellationToken);
    }

    private async Task<AccessToken> StoreAsync(Connection connection, ConnectionCredentials? credentials, ProviderToken token, CancellationToken cancellationToken)
    {
        var expiresAt = token.ExpiresIn is { } lifetime ? time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        for (var attempt = 1; ; attempt++)
        {
            var updated = connection with
            {
                Status = ConnectionStatus.Active,
                StatusMessage = null,
                ExpiresAt = expiresAt,
                Scopes = token.Scopes.Count > 0 ? token.Scopes : connection.Scopes,
            };
            var newCredentials = (credentials ?? new ConnectionCredentials()) with
            {
                AccessToken = token.AccessToken,
                RefreshToken = token.RefreshToken ?? credentials?.RefreshToken,
                TokenType = token.TokenType ?? credentials?.TokenType,
            };

            // One write: the new access token and the rotated refresh token replace the old ones together, or not at all.
            var stored = await vault.UpdateAsync(updated, newCredentials, connection.Version, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                Log.Refreshed(logger, stored.Provider.Value, stored.Id.Value, expiresAt, token.RefreshToken is not null);
                return new AccessToken(token.AccessToken, TokenPolicy.AuthorizationScheme(newCredentials.TokenType), expiresAt);
            }

            // Someone changed the connection (not its tokens: we hold the lock) since we read it; apply the tokens to the latest.
            var latest = await vault.GetAsync(connection.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new ConnectionNotFoundException(connection.Id);
            if (attempt >= ConnectionsConstants.WriteAttempts)
            {
                throw new InvalidOperationException($"The connection '{connection.Id}' kept changing while its new tokens were being stored.");
            }

            (connection, credentials) = latest;
        }
    }
}
