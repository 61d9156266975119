using System.Data.Common;
using System.Globalization;
using System.Text;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

internal sealed class RelationalSyncRecordStore(StoreDialect dialect) : ISyncRecordStore
{
    public async Task<SyncBatchResult> ApplyAsync(SyncRecordBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var latest = Latest(batch.Records);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        var existing = await ReadExistingAsync(db, transaction, batch.ConnectionId, batch.Model, latest, cancellationToken).ConfigureAwait(false);
        var plan = SyncRecordPlan.Create(latest, existing, batch.SeenRun);
        var end = await AdvanceAsync(db, transaction, batch.ConnectionId, batch.Model, batch.LeaseOwner, batch.Cursor, plan.Changes, batch.Now, batch.LeaseUntil, cancellationToken).ConfigureAwait(false);
        var ops = plan.Number(end - plan.Changes);
        if (ops.Count > 0)
        {
            await dialect.WriteSyncRecordsAsync(db, transaction, batch.ConnectionId.Value, batch.Model, Db.ToMs(batch.Now), ops, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return plan.Result;
    }

    public async Task<SyncSweepResult> SweepAsync(SyncSweep sweep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        var live = await ScalarAsync(db, transaction, "SELECT COUNT(*) FROM sync_records WHERE connection_id = @c AND model = @m AND deleted = 0", sweep, cancellationToken).ConfigureAwait(false);
        var unseen = await ScalarAsync(db, transaction, "SELECT COUNT(*) FROM sync_records WHERE connection_id = @c AND model = @m AND deleted = 0 AND seen_run <> @seen", sweep, cancellationToken).ConfigureAwait(false);
        var refused = unseen > 0 && sweep.MaxDeleteShare is { } share && unseen > share * live;
        var deleting = refused ? 0 : unseen;
        var end = await AdvanceAsync(db, transaction, sweep.ConnectionId, sweep.Model, sweep.LeaseOwner, sweep.Cursor, deleting, sweep.Now, null, cancellationToken).ConfigureAwait(false);
        if (deleting > 0)
        {
            await using var command = db.Command(SyncRecordSql.Sweep, transaction)
                .With("@c", sweep.ConnectionId.Value).With("@m", sweep.Model).With("@seen", sweep.SeenRun).With("@now", Db.ToMs(sweep.Now)).With("@base", end - deleting);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SyncSweepResult(unseen, live, deleting, refused);
    }

    public async Task<IReadOnlyList<StoredSyncRecord>> ReadChangesAsync(ConnectionId connectionId, string model, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {SyncRecordSql.Columns} FROM sync_records WHERE connection_id = @c AND model = @m AND change_seq > @after ORDER BY change_seq LIMIT @limit")
            .With("@c", connectionId.Value).With("@m", model).With("@after", after).With("@limit", limit);
        return await command.ReadAllAsync(SyncRecordSql.Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSyncRecord?> GetAsync(ConnectionId connectionId, string model, string remoteId, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {SyncRecordSql.Columns} FROM sync_records WHERE connection_id = @c AND model = @m AND remote_id = @id")
            .With("@c", connectionId.Value).With("@m", model).With("@id", remoteId);
        return (await command.ReadAllAsync(SyncRecordSql.Read, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<long> DeleteConnectionAsync(ConnectionId connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        long deleted = 0;
        foreach (var table in (string[])["sync_records", "sync_state", "sync_runs"])
        {
            await using var command = db.Command($"DELETE FROM {table} WHERE connection_id = @c", transaction).With("@c", connectionId.Value);
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            deleted = table == "sync_records" ? rows : deleted;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<long> CountAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command("SELECT COUNT(*) FROM sync_records WHERE connection_id = @c AND model = @m AND deleted = 0")
            .With("@c", connectionId.Value).With("@m", model);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static List<SyncRecordWrite> Latest(IReadOnlyList<SyncRecordWrite> records)
    {
        var index = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        var latest = new List<SyncRecordWrite>(records.Count);
        foreach (var record in records)
        {
            ArgumentException.ThrowIfNullOrEmpty(record.RemoteId);
            if (index.TryGetValue(record.RemoteId, out var at))
            {
                latest[at] = record;
            }
            else
            {
                index[record.RemoteId] = latest.Count;
                latest.Add(record);
            }
        }

        return latest;
    }

    private static async Task<Dictionary<string, SyncRecordPlan.Existing>> ReadExistingAsync(
        DbConnection db, DbTransaction transaction, ConnectionId connectionId, string model, List<SyncRecordWrite> records, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SyncRecordPlan.Existing>(records.Count, StringComparer.Ordinal);
        if (records.Count == 0)
        {
            return found;
        }

        var sql = new StringBuilder("SELECT remote_id, hash, deleted, seen_run FROM sync_records WHERE connection_id = @c AND model = @m AND remote_id IN (");
        await using var command = db.Command(string.Empty, transaction).With("@c", connectionId.Value).With("@m", model);
        for (var i = 0; i < records.Count; i++)
        {
            sql.Append(i == 0 ? "@i" : ", @i").Append(i.ToString(CultureInfo.InvariantCulture));
            command.With("@i" + i.ToString(CultureInfo.InvariantCulture), records[i].RemoteId);
        }

        command.CommandText = sql.Append(')').ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = new SyncRecordPlan.Existing(reader.GetString(1), reader.GetInt32(2) != 0, reader.GetInt64(3));
        }

        return found;
    }

    private static async Task<long> AdvanceAsync(
        DbConnection db, DbTransaction transaction, ConnectionId connectionId, string model, string owner, string? cursor, long changes, DateTimeOffset now, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var command = db.Command(SyncRecordSql.Advance, transaction)
            .With("@c", connectionId.Value).With("@m", model).With("@owner", owner).With("@cursor", cursor).With("@n", changes)
            .With("@now", Db.ToMs(now)).With("@until", Db.ToMs(until));

        var end = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return end is null or DBNull
            ? throw new SyncLeaseLostException(connectionId, model)
            : Convert.ToInt64(end, CultureInfo.InvariantCulture);
    }

    private static async Task<long> ScalarAsync(DbConnection db, DbTransaction transaction, string sql, SyncSweep sweep, CancellationToken cancellationToken)
    {
        await using var command = db.Command(sql, transaction).With("@c", sweep.ConnectionId.Value).With("@m", sweep.Model);
        if (sql.Contains("@seen", StringComparison.Ordinal))
        {
            command.With("@seen", sweep.SeenRun);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
