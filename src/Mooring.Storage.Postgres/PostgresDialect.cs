using System.Data.Common;
using Mooring.Storage.Relational;
using Npgsql;

namespace Mooring.Storage.Postgres;

internal sealed class PostgresDialect : StoreDialect, IAsyncDisposable, IDisposable
{
    // Any constant shared by every Mooring instance; pg_advisory_xact_lock serialises their migrations.
    private const long MigrationLockKey = 0x4D6F6F72696E67; // "Mooring"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    public PostgresDialect(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        _description = $"the PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Description => _description;

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string BlobType => "BYTEA";

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StoreException($"Cannot connect to {Description}: {ex.Message}. Check Mooring:Storage:Postgres:ConnectionString and that the server is running and reachable.", ex);
        }
    }

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("@key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override IConnectionLock CreateConnectionLock() => new PostgresConnectionLock(_dataSource);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task<bool[]> InsertWebhookEventsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken)
    {
        // One round trip for the whole batch; each statement reports whether its row was new or a duplicate.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var e in events)
        {
            var command = new NpgsqlBatchCommand(WebhookEventSql.InsertSql);
            command.Parameters.AddWithValue("provider", e.Provider.Value);
            command.Parameters.AddWithValue("event_id", e.EventId);
            command.Parameters.AddWithValue("event_type", (object?)e.EventType ?? DBNull.Value);
            command.Parameters.AddWithValue("connection_id", (object?)e.ConnectionId?.Value ?? DBNull.Value);
            command.Parameters.AddWithValue("account_ref", (object?)e.AccountRef ?? DBNull.Value);
            command.Parameters.AddWithValue("received_at", Db.ToMs(e.ReceivedAt));
            command.Parameters.AddWithValue("headers", Db.Json(e.Headers));
            command.Parameters.AddWithValue("body", e.Body);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var inserted = new bool[events.Count];
        for (var i = 0; i < inserted.Length; i++)
        {
            inserted[i] = batch.BatchCommands[i].RecordsAffected == 1;
        }

        return inserted;
    }

    public override async Task WriteSyncRecordsAsync(
        DbConnection connection, DbTransaction transaction, string connectionId, string model, long now, IReadOnlyList<SyncRecordOp> ops, CancellationToken cancellationToken)
    {
        // One statement per kind of write over arrays (unnest), all in one round trip: PostgreSQL parses and plans three
        // statements per page instead of one per record.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var group in ops.GroupBy(o => o.Kind))
        {
            var rows = group.ToList();
            var command = new NpgsqlBatchCommand(PostgresSyncSql.For(group.Key));
            command.Parameters.AddWithValue("c", connectionId);
            command.Parameters.AddWithValue("m", model);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("ids", rows.Select(o => o.Record.RemoteId).ToArray());
            command.Parameters.AddWithValue("datas", rows.Select(o => o.Record.Data).ToArray());
            command.Parameters.AddWithValue("hashes", rows.Select(o => o.Record.Hash).ToArray());
            command.Parameters.AddWithValue("modifieds", rows.Select(o => Db.ToMs(o.Record.ModifiedAt)).ToArray());
            command.Parameters.AddWithValue("seens", rows.Select(o => o.SeenRun).ToArray());
            command.Parameters.AddWithValue("seqs", rows.Select(o => o.Sequence).ToArray());
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
