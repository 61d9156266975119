using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Stores connections. Credentials arrive and leave encrypted; the store never sees plaintext.</summary>
public interface IConnectionStore
{
    /// <summary>The connection with this id, or <see langword="null"/>.</summary>
    Task<StoredConnection?> GetAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>Connections matching <paramref name="query"/>, ordered by id.</summary>
    Task<IReadOnlyList<Connection>> ListAsync(ConnectionQuery query, CancellationToken cancellationToken);

    /// <summary>Adds a new connection with version 1.</summary>
    /// <exception cref="DuplicateKeyException">A connection with this id exists.</exception>
    Task<StoredConnection> InsertAsync(StoredConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the connection if its stored version is still <paramref name="expectedVersion"/>, and bumps the version.
    /// </summary>
    /// <returns>The stored connection, or <see langword="null"/> if another writer got there first (re-read and retry).</returns>
    Task<StoredConnection?> UpdateAsync(StoredConnection connection, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the connection and its credentials. Returns whether it existed.</summary>
    Task<bool> DeleteAsync(ConnectionId id, CancellationToken cancellationToken);
}
