using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// When a connection is disconnected and deleted, what was synced through it goes too: its records, sync states and
/// run log. (The event is raised in process after the delete; should the process die in between, the records stay
/// until deleted by hand, and no sync runs for a connection that no longer exists.)
/// </summary>
internal sealed class SyncDataEraser(ISyncRecordStore records) : IConnectionEventHandler
{
    public Task HandleAsync(ConnectionEvent connectionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionEvent);
        return connectionEvent.Kind == ConnectionEventKind.Disconnected
            ? records.DeleteConnectionAsync(connectionEvent.Connection.Id, cancellationToken)
            : Task.CompletedTask;
    }
}
