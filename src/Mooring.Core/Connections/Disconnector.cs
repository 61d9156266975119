using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.OAuth;
using Mooring.OAuth.Revocation;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Connections;

/// <summary>Revokes at the provider where it can (bounded by the token request timeout), then deletes locally whatever happened.</summary>
internal sealed class Disconnector(
    IConnectionVault vault,
    IConnectionStore store,
    IProviderCatalog catalog,
    OAuthClients clients,
    TokenRevokers revokers,
    ConnectionEvents events,
    IOptions<ConnectionsOptions> options,
    ILogger<Disconnector> logger)
{
    public async Task<DisconnectResult> DisconnectAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        if (await vault.GetAsync(id, cancellationToken).ConfigureAwait(false) is not var (connection, credentials))
        {
            return new DisconnectResult(false, false, null);
        }

        await events.RaiseAsync(new ConnectionEvent(ConnectionEventKind.Disconnecting, connection), cancellationToken).ConfigureAwait(false);
        var error = await RevokeAsync(connection, credentials, cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        if (error is not null and not "not_supported")
        {
            Log.RevocationFailed(logger, connection.Provider.Value, id.Value, error);
        }

        Log.Disconnected(logger, connection.Provider.Value, id.Value, error is null);
        if (deleted)
        {
            await events.RaiseAsync(new ConnectionEvent(ConnectionEventKind.Disconnected, connection), cancellationToken).ConfigureAwait(false);
        }

        return new DisconnectResult(deleted, error is null, error);
    }

    private async Task<string?> RevokeAsync(Connection connection, ConnectionCredentials? credentials, CancellationToken cancellationToken)
    {
        if (connection.AuthMode is not (AuthMode.OAuth2 or AuthMode.OAuth2ClientCredentials) || credentials is null)
        {
            return "not_supported";
        }

        try
        {
            var provider = await catalog.GetResolvedAsync(connection.Provider, cancellationToken).ConfigureAwait(false);
            if (provider.OAuth2?.RevocationUrl is null)
            {
                return "not_supported";
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.TokenRequestTimeout);
            return await revokers.For(provider).RevokeAsync(provider, clients.Get(provider), credentials, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or ProviderDiscoveryException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return ex is OperationCanceledException ? "timeout" : ex is HttpRequestException ? "network_error" : ex.GetType().Name;
        }
    }
}
