using Mooring.Connections;
using Mooring.Storage.Relational.Locks;
using Npgsql;

namespace Mooring.Storage.Postgres;

/// <summary>
/// A session advisory lock, <c>pg_advisory_lock(hashtext(id))</c>, held on a dedicated connection: every instance on the
/// database waits for it, and PostgreSQL releases it by itself if the holder's process or network dies, unlike a lock
/// with a time to live that can expire under a slow holder. A hash collision only serialises two connections' work.
/// </summary>
internal sealed class PostgresConnectionLock(NpgsqlDataSource dataSource) : IConnectionLock
{
    private readonly InProcessConnectionLock _local = new();

    public async ValueTask<IAsyncDisposable> AcquireAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(id, cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@id))", connection))
            {
                command.Parameters.AddWithValue("id", id.Value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Held(connection, id, local);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, ConnectionId id, IAsyncDisposable local) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@id))", connection);
                command.Parameters.AddWithValue("id", id.Value);
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                // Should the unlock fail, closing the session releases the lock too.
                await connection.DisposeAsync().ConfigureAwait(false);
                await local.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
