using System.Data.Common;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

internal sealed class RelationalSyncStore(StoreDialect dialect) : ISyncStore
{
    private const string StateColumns = "connection_id, model, cursor, lease_owner, lease_expires_at, last_success_at, paused, updated_at";
    private const string StateSelect = StateColumns + ", change_seq, requested";
    private const string RunColumns = "id, connection_id, model, kind, status, started_at, finished_at, pages, added, updated, deleted, error, cursor";

    public async Task<SyncStateRecord?> GetStateAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {StateSelect} FROM sync_state WHERE connection_id = @c AND model = @m")
            .With("@c", connectionId.Value).With("@m", model);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadState(reader) : null;
    }

    public async Task<IReadOnlyList<SyncStateRecord>> ListStatesAsync(ConnectionId connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {StateSelect} FROM sync_state WHERE connection_id = @c ORDER BY model").With("@c", connectionId.Value);
        return await command.ReadAllAsync(ReadState, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryAcquireLeaseAsync(ConnectionId connectionId, string model, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);

        // One statement, so that two instances racing for the lease cannot both win: the insert creates the row
        // holding the lease, and the conflict branch takes it over only if it is free, expired, or already ours.
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await db.ExecuteAsync($"""
            INSERT INTO sync_state ({StateColumns}) VALUES (@c, @m, NULL, @owner, @until, NULL, 0, @now)
            ON CONFLICT (connection_id, model) DO UPDATE SET lease_owner = @owner, lease_expires_at = @until, updated_at = @now
            WHERE sync_state.lease_owner IS NULL OR sync_state.lease_expires_at <= @now OR sync_state.lease_owner = @owner
            """, cancellationToken, ("@c", connectionId.Value), ("@m", model), ("@owner", owner), ("@until", Db.ToMs(now + duration)), ("@now", Db.ToMs(now))).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task ReleaseLeaseAsync(ConnectionId connectionId, string model, string owner, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(
            "UPDATE sync_state SET lease_owner = NULL, lease_expires_at = NULL WHERE connection_id = @c AND model = @m AND lease_owner = @owner",
            cancellationToken, ("@c", connectionId.Value), ("@m", model), ("@owner", owner)).ConfigureAwait(false);
    }

    public async Task<bool> SaveCursorAsync(ConnectionId connectionId, string model, string owner, string? cursor, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            "UPDATE sync_state SET cursor = @cursor, updated_at = @now, last_success_at = CASE WHEN @ok = 1 THEN @now ELSE last_success_at END WHERE connection_id = @c AND model = @m AND lease_owner = @owner",
            cancellationToken, ("@cursor", cursor), ("@now", Db.ToMs(now)), ("@ok", succeeded ? 1 : 0), ("@c", connectionId.Value), ("@m", model), ("@owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task SetPausedAsync(ConnectionId connectionId, string model, bool paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync($"""
            INSERT INTO sync_state ({StateColumns}) VALUES (@c, @m, NULL, NULL, NULL, NULL, @paused, @now)
            ON CONFLICT (connection_id, model) DO UPDATE SET paused = @paused, updated_at = @now
            """, cancellationToken, ("@c", connectionId.Value), ("@m", model), ("@paused", paused ? 1 : 0), ("@now", Db.ToMs(now))).ConfigureAwait(false);
    }

    public async Task RequestRunAsync(ConnectionId connectionId, string model, SyncRunRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync($"""
            INSERT INTO sync_state ({StateColumns}, requested) VALUES (@c, @m, NULL, NULL, NULL, NULL, 0, @now, @r)
            ON CONFLICT (connection_id, model) DO UPDATE SET updated_at = @now, requested = CASE
                WHEN sync_state.requested = 'full!' OR (sync_state.requested = 'full' AND @r <> 'full!') THEN sync_state.requested ELSE @r END
            """, cancellationToken, ("@c", connectionId.Value), ("@m", model), ("@r", SyncRequestText.Of(request)), ("@now", Db.ToMs(now))).ConfigureAwait(false);
    }

    public async Task ClearRequestAsync(ConnectionId connectionId, string model, string owner, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(
            "UPDATE sync_state SET requested = NULL WHERE connection_id = @c AND model = @m AND lease_owner = @owner",
            cancellationToken, ("@c", connectionId.Value), ("@m", model), ("@owner", owner)).ConfigureAwait(false);
    }

    public async Task<SyncRunRecord> StartRunAsync(SyncRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = BindRun(db.Command(
            "INSERT INTO sync_runs (connection_id, model, kind, status, started_at, finished_at, pages, added, updated, deleted, error, cursor) VALUES (@c, @m, @k, @s, @start, @end, @pages, @added, @updated, @deleted, @error, @cursor) RETURNING id"), run);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return run with { Id = id };
    }

    public async Task UpdateRunAsync(SyncRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = BindRun(db.Command(
            "UPDATE sync_runs SET connection_id = @c, model = @m, kind = @k, status = @s, started_at = @start, finished_at = @end, pages = @pages, added = @added, updated = @updated, deleted = @deleted, error = @error, cursor = @cursor WHERE id = @id"), run)
            .With("@id", run.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SyncRunRecord?> GetLatestRunAsync(ConnectionId connectionId, string model, SyncRunKind kind, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c AND model = @m AND kind = @k ORDER BY id DESC LIMIT 1")
            .With("@c", connectionId.Value).With("@m", model).With("@k", EnumText.Of(kind));
        return (await command.ReadAllAsync(ReadRun, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<SyncRunRecord>> ListRunsAsync(ConnectionId connectionId, string? model, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty);
        new SqlWhere(command, $"SELECT {RunColumns} FROM sync_runs")
            .When("connection_id", connectionId.Value)
            .When("model", model)
            .OrderBy("id DESC", limit);
        return await command.ReadAllAsync(ReadRun, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeRunsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(RetentionSql.SyncRuns, cancellationToken, ("@cutoff", Db.ToMs(cutoff)), ("@max", max)).ConfigureAwait(false);
    }

    private static DbCommand BindRun(DbCommand command, SyncRunRecord run) => command
        .With("@c", run.ConnectionId.Value).With("@m", run.Model).With("@k", EnumText.Of(run.Kind)).With("@s", EnumText.Of(run.Status))
        .With("@start", Db.ToMs(run.StartedAt)).With("@end", Db.ToMs(run.FinishedAt)).With("@pages", run.Pages)
        .With("@added", run.Added).With("@updated", run.Updated).With("@deleted", run.Deleted).With("@error", run.Error).With("@cursor", run.Cursor);

    private static SyncStateRecord ReadState(DbDataReader r) => new()
    {
        ConnectionId = ConnectionId.Parse(r.GetString(0)),
        Model = r.GetString(1),
        Cursor = r.StringOrNull(2),
        LeaseOwner = r.StringOrNull(3),
        LeaseExpiresAt = r.TimeOrNull(4),
        LastSuccessAt = r.TimeOrNull(5),
        Paused = r.GetInt32(6) != 0,
        UpdatedAt = r.Time(7),
        ChangeSequence = r.GetInt64(8),
        Requested = SyncRequestText.Parse(r.StringOrNull(9)),
    };

    private static SyncRunRecord ReadRun(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ConnectionId = ConnectionId.Parse(r.GetString(1)),
        Model = r.GetString(2),
        Kind = EnumText.Parse<SyncRunKind>(r.GetString(3)),
        Status = EnumText.Parse<SyncRunStatus>(r.GetString(4)),
        StartedAt = r.Time(5),
        FinishedAt = r.TimeOrNull(6),
        Pages = r.GetInt32(7),
        Added = r.GetInt64(8),
        Updated = r.GetInt64(9),
        Deleted = r.GetInt64(10),
        Error = r.StringOrNull(11),
        Cursor = r.StringOrNull(12),
    };
}
