using Microsoft.Extensions.Logging;

namespace Mooring.Connections;

/// <summary>Marks a connection as needing reconnection (compare-and-set, re-read on conflict) and raises the event once.</summary>
internal sealed class ConnectionStatusWriter(IConnectionVault vault, ConnectionEvents events, ILogger<ConnectionStatusWriter> logger)
{
    public async Task<Connection?> MarkNeedsReconnectAsync(ConnectionId id, string message, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ConnectionsConstants.WriteAttempts; attempt++)
        {
            if (await vault.GetAsync(id, cancellationToken).ConfigureAwait(false) is not var (connection, credentials))
            {
                return null;
            }

            if (connection.Status == ConnectionStatus.NeedsReconnect)
            {
                return connection;
            }

            var marked = connection with { Status = ConnectionStatus.NeedsReconnect, StatusMessage = message };
            var stored = await vault.UpdateAsync(marked, credentials, connection.Version, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                Log.MarkedNeedsReconnect(logger, stored.Provider.Value, id.Value);
                await events.RaiseAsync(new ConnectionEvent(ConnectionEventKind.NeedsReconnect, stored, message), cancellationToken).ConfigureAwait(false);
                return stored;
            }
        }

        return null;
    }
}
