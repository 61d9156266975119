using System.Data.Common;
using Mooring.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Mooring.Storage.Postgres;

internal sealed class PostgresDialect : StoreDialect, IAsyncDisposable, IDisposable
{
    // Any constant shared by every Mooring instance; pg_advisory_xact_lock serialises their migrations.
    private const long MigrationLockKey = 0x4D6F6F72696E67; // "Mooring"

    private const int AutoPreparedStatements = 64;

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _relaxedDataSource;
    private readonly string _description;

    public PostgresDialect(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        _description = $"the PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        if (builder.MaxAutoPrepare == 0)
        {
            // Mooring runs the same few statements over and over (the inbox's batch insert, leases, completions): prepared
            // once per physical connection, PostgreSQL skips parsing and planning them on every call. A connection string
            // that sets Max Auto Prepare itself (0 to turn it off) is left as it is.
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);

        // The relaxed connections (OpenRelaxedAsync) commit without waiting for the WAL flush; a pool of their own.
        builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
        _relaxedDataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Description => _description;

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string BlobType => "BYTEA";

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_dataSource, cancellationToken);

    public override ValueTask<DbConnection> OpenRelaxedAsync(CancellationToken cancellationToken) => OpenAsync(_relaxedDataSource, cancellationToken);

    private async ValueTask<DbConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

    public override bool InsertsWebhookEventsInOneStatement => true;

    public override async Task<HashSet<long>?> TryCompleteWebhookEventsAsync(DbConnection connection, IReadOnlyList<WebhookCompletion> completions, string owner, long now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CompleteManySql, (NpgsqlConnection)connection);
        command.Parameters.Add(Array("ids", NpgsqlDbType.Bigint, completions.Select(c => c.Id)));
        command.Parameters.Add(Array("connections", NpgsqlDbType.Text, completions.Select(c => c.ConnectionId?.Value)));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        command.Parameters.Add(new NpgsqlParameter<long>("now", now));
        var completed = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            completed.Add(reader.GetInt64(0));
        }

        return completed;
    }

    // No join with unnest(@ids, @connections): the planner, which takes the partial index of leased rows for a row or
    // two, then ran the unnest once per leased row (a nested loop over every event in flight: 12-17 ms for 64
    // completions, measured with auto_explain under load). Each row finds its connection by its position in @ids.
    private const string CompleteManySql = """
        UPDATE webhook_events AS w
        SET status = 'completed', completed_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,
            connection_id = COALESCE(w.connection_id, (@connections)[array_position(@ids, w.id)])
        WHERE w.id = ANY(@ids) AND w.lease_owner = @owner AND w.status = 'processing'
        RETURNING w.id
        """;

    public override async Task<long?[]> InsertWebhookEventsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken)
    {
        // One statement for the whole batch, with the rows as arrays: PostgreSQL parses and plans once, not once per row,
        // which is what bounded a batch of single-row inserts. RETURNING names the rows that were new.
        // Rows are inserted in key order, so that concurrent batches sharing keys (a provider's retries of one event, a
        // duplicate storm) take the unique index's locks in the same order and wait for each other instead of
        // deadlocking; ids are still drawn in arrival order (`arrivals`), so that listings keep the order events came in.
        var order = new int[events.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        System.Array.Sort(order, (a, b) =>
        {
            var byProvider = string.CompareOrdinal(events[a].Provider.Value, events[b].Provider.Value);
            return byProvider != 0 ? byProvider : string.CompareOrdinal(events[a].EventId, events[b].EventId);
        });
        var rows = order.Select(i => events[i]).ToList();
        await using var command = new NpgsqlCommand(InsertManySql, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        command.Parameters.Add(new NpgsqlParameter<int>("count", events.Count));
        command.Parameters.Add(Array("arrivals", NpgsqlDbType.Integer, order.Select(i => i + 1)));
        command.Parameters.Add(Array("providers", NpgsqlDbType.Text, rows.Select(e => e.Provider.Value)));
        command.Parameters.Add(Array("event_ids", NpgsqlDbType.Text, rows.Select(e => e.EventId)));
        command.Parameters.Add(Array("event_types", NpgsqlDbType.Text, rows.Select(e => e.EventType)));
        command.Parameters.Add(Array("connection_ids", NpgsqlDbType.Text, rows.Select(e => e.ConnectionId?.Value)));
        command.Parameters.Add(Array("account_refs", NpgsqlDbType.Text, rows.Select(e => e.AccountRef)));
        command.Parameters.Add(Array("received_ats", NpgsqlDbType.Bigint, rows.Select(e => Db.ToMs(e.ReceivedAt))));
        command.Parameters.Add(Array("headers", NpgsqlDbType.Text, rows.Select(e => Db.Json(e.Headers))));
        command.Parameters.Add(Array("bodies", NpgsqlDbType.Bytea, rows.Select(e => e.Body)));
        command.Parameters.Add(Array("statuses", NpgsqlDbType.Text, rows.Select(e => EnumText.Of(e.Status))));
        command.Parameters.Add(Array("attempts", NpgsqlDbType.Integer, rows.Select(e => e.Attempts)));
        command.Parameters.Add(Array("lease_owners", NpgsqlDbType.Text, rows.Select(e => e.LeaseOwner)));
        command.Parameters.Add(Array("lease_expires", NpgsqlDbType.Bigint, rows.Select(e => Db.ToMs(e.LeaseExpiresAt))));

        var stored = new Dictionary<(string Provider, string EventId), long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Add((reader.GetString(0), reader.GetString(1)), reader.GetInt64(2));
            }
        }

        // A key stored now was new for its first occurrence in the batch; a later occurrence is a duplicate of it.
        var ids = new long?[events.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = stored.Remove((events[i].Provider.Value, events[i].EventId), out var id) ? id : null;
        }

        return ids;
    }

    private const string InsertManySql = $"""
        WITH ids AS MATERIALIZED (
            SELECT arrival, nextval(pg_get_serial_sequence('webhook_events', 'id')) AS id
            FROM generate_series(1, @count) AS arrival)
        INSERT INTO webhook_events (id, {WebhookEventSql.InsertColumns}) OVERRIDING SYSTEM VALUE
        SELECT ids.id, provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, received_at, lease_owner, lease_expires_at
        FROM unnest(@arrivals, @providers, @event_ids, @event_types, @connection_ids, @account_refs, @received_ats, @headers, @bodies, @statuses, @attempts, @lease_owners, @lease_expires)
            WITH ORDINALITY AS rows (arrival, provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, lease_owner, lease_expires_at, position)
        JOIN ids ON ids.arrival = rows.arrival
        ORDER BY rows.position
        ON CONFLICT (provider, event_id) DO NOTHING
        RETURNING provider, event_id, id
        """;

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

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

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _relaxedDataSource.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _relaxedDataSource.Dispose();
    }
}
