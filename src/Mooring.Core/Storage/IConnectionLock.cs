using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>
/// Serialises work on one connection, such as refreshing its tokens, across every caller that shares the store:
/// one process for SQLite, every instance for PostgreSQL. Whoever holds the lock must re-read the connection,
/// because another holder may have changed it just before.
/// </summary>
public interface IConnectionLock
{
    /// <summary>Waits until the lock on <paramref name="id"/> is held; disposing the result releases it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(ConnectionId id, CancellationToken cancellationToken);
}
