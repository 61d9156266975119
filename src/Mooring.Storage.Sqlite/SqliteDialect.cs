using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Mooring.Storage.Relational;
using SQLitePCL;

namespace Mooring.Storage.Sqlite;

internal sealed class SqliteDialect : StoreDialect
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _relaxedConnectionString;
    private readonly bool _synchronousNormal;
    private int _directoryReady;

    public SqliteDialect(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        _path = System.IO.Path.GetFullPath(options.Path);
        _synchronousNormal = options.Synchronous == SqliteSynchronous.Normal;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        _connectionString = builder.ToString();

        // The relaxed connections set synchronous = NORMAL, which stays with the connection; they live in a pool of their
        // own (pools are keyed by the connection string: an explicit default is enough to tell them apart), so that an
        // ordinary open never gets one.
        builder.RecursiveTriggers = false;
        _relaxedConnectionString = builder.ToString();
    }

    public string FilePath => _path;

    public override string Description => $"the SQLite database {_path}";

    public override string IdentityColumn => "INTEGER NOT NULL PRIMARY KEY";

    public override string BlobType => "BLOB";

    public override string SkipLockedClause => string.Empty;

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenAsync(_synchronousNormal ? _relaxedConnectionString : _connectionString, _synchronousNormal, cancellationToken);

    public override ValueTask<DbConnection> OpenRelaxedAsync(CancellationToken cancellationToken) =>
        OpenAsync(_relaxedConnectionString, relaxed: true, cancellationToken);

    private async ValueTask<DbConnection> OpenAsync(string connectionString, bool relaxed, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (relaxed)
            {
                // Per connection, not stored in the file; pooled connections keep it, setting it again costs microseconds.
                await using var pragma = connection.Command("PRAGMA synchronous = NORMAL");
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open {Description}: {ex.Message}. Check that the file and its folder are writable by this user, or set Mooring:Storage:Sqlite:Path (or Mooring:DataDirectory) to a writable place.", ex);
        }
    }

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: take the write lock up front, so that a read-then-write transaction never fails to upgrade.
        // Microsoft.Data.Sqlite runs SQLite synchronously in any case; there is no async overload taking 'deferred'.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already excludes every other writer.

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    public override Task<long?[]> InsertWebhookEventsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken)
    {
        // The inbox's hot path, run on the connection's own SQLite handle: one statement prepared per batch and executed per
        // row with its values bound by position. Through Microsoft.Data.Sqlite the same rows cost a third more CPU (a data
        // reader per execution, every parameter bound by name each time), and with INSERT … RETURNING twice as much;
        // whether a row went in is the change count, its id the last rowid.
        cancellationToken.ThrowIfCancellationRequested();
        var db = ((SqliteConnection)connection).Handle!;
        var ids = new long?[events.Count];
        Check(raw.sqlite3_prepare_v2(db, InsertWebhookEventSql, out var statement), db);
        using (statement)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                Check(raw.sqlite3_bind_text(statement, 1, e.Provider.Value), db);
                Check(raw.sqlite3_bind_text(statement, 2, e.EventId), db);
                Check(BindText(statement, 3, e.EventType), db);
                Check(BindText(statement, 4, e.ConnectionId?.Value), db);
                Check(BindText(statement, 5, e.AccountRef), db);
                Check(raw.sqlite3_bind_int64(statement, 6, Db.ToMs(e.ReceivedAt)), db);
                Check(raw.sqlite3_bind_text(statement, 7, Db.Json(e.Headers)), db);
                Check(raw.sqlite3_bind_blob(statement, 8, e.Body), db);
                Check(raw.sqlite3_bind_text(statement, 9, EnumText.Of(e.Status)), db);
                Check(raw.sqlite3_bind_int(statement, 10, e.Attempts), db);
                Check(BindText(statement, 11, e.LeaseOwner), db);
                Check(Db.ToMs(e.LeaseExpiresAt) is { } until ? raw.sqlite3_bind_int64(statement, 12, until) : raw.sqlite3_bind_null(statement, 12), db);
                Step(statement, db);
                if (raw.sqlite3_changes(db) == 1)
                {
                    ids[i] = raw.sqlite3_last_insert_rowid(db);
                }

                Check(raw.sqlite3_reset(statement), db);
            }
        }

        return Task.FromResult(ids);
    }

    public override Task InsertRequestLogAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken)
    {
        // As the inbox: one statement prepared per batch, executed per row with its values bound by position. Through
        // Microsoft.Data.Sqlite each row would cost a command execution with a data reader and ten parameters bound by name.
        cancellationToken.ThrowIfCancellationRequested();
        var db = ((SqliteConnection)connection).Handle!;
        Check(raw.sqlite3_prepare_v2(db, InsertRequestLogSql, out var statement), db);
        using (statement)
        {
            foreach (var e in entries)
            {
                Check(raw.sqlite3_bind_int64(statement, 1, Db.ToMs(e.At)), db);
                Check(raw.sqlite3_bind_text(statement, 2, e.Provider.Value), db);
                Check(BindText(statement, 3, e.ConnectionId?.Value), db);
                Check(raw.sqlite3_bind_text(statement, 4, e.Method), db);
                Check(raw.sqlite3_bind_text(statement, 5, e.Path), db);
                Check(e.Status is { } status ? raw.sqlite3_bind_int(statement, 6, status) : raw.sqlite3_bind_null(statement, 6), db);
                Check(raw.sqlite3_bind_double(statement, 7, e.DurationMs), db);
                Check(raw.sqlite3_bind_int(statement, 8, e.Attempt), db);
                Check(BindText(statement, 9, e.ErrorCategory), db);
                Check(BindText(statement, 10, e.TraceId), db);
                Step(statement, db);
                Check(raw.sqlite3_reset(statement), db);
            }
        }

        return Task.CompletedTask;
    }

    private const string InsertRequestLogSql = $"INSERT INTO request_log ({RequestLogSql.InsertColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

    // Positional parameters, numbered as InsertWebhookEventsAsync binds them; next_attempt_at is the received time.
    private const string InsertWebhookEventSql =
        $"INSERT INTO webhook_events ({WebhookEventSql.InsertColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?6, ?11, ?12) ON CONFLICT (provider, event_id) DO NOTHING";

    private static int BindText(sqlite3_stmt statement, int index, string? value) =>
        value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value);

    private static void Step(sqlite3_stmt statement, sqlite3 db)
    {
        if (raw.sqlite3_step(statement) is var stepped and not raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(stepped, db);
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    public override async Task<HashSet<long>?> TryCompleteWebhookEventsAsync(DbConnection connection, IReadOnlyList<WebhookCompletion> completions, string owner, long now, CancellationToken cancellationToken)
    {
        // One statement for the batch: the marks are one B-tree walk each inside one statement, not a statement (and a
        // reader) per event. The rows to mark come in as a VALUES list (SQLite names its columns column1, column2).
        var sql = new StringBuilder(CompleteManyHead);
        await using var command = connection.Command(string.Empty).With("@owner", owner).With("@now", now);
        for (var i = 0; i < completions.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (").Append("@i").Append(i).Append(", @c").Append(i).Append(')');
            command.With("@i" + i, completions[i].Id).With("@c" + i, completions[i].ConnectionId?.Value);
        }

        command.CommandText = sql.Append(CompleteManyTail).ToString();
        var completed = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            completed.Add(reader.GetInt64(0));
        }

        return completed;
    }

    private const string CompleteManyHead = """
        UPDATE webhook_events
        SET status = 'completed', completed_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,
            connection_id = COALESCE(webhook_events.connection_id, c.column2)
        FROM (VALUES 
        """;

    private const string CompleteManyTail = """
        ) AS c
        WHERE webhook_events.id = c.column1 AND webhook_events.lease_owner = @owner AND webhook_events.status = 'processing'
        RETURNING id
        """;

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the writer; the setting is stored in the file, so once is enough.
        await using var command = connection.Command("PRAGMA journal_mode = WAL");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private void EnsureDirectory()
    {
        if (Volatile.Read(ref _directoryReady) == 1)
        {
            return;
        }

        var directory = System.IO.Path.GetDirectoryName(_path)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot create the data directory {directory} for {Description}: {ex.Message}. Set Mooring:DataDirectory (or Mooring:Storage:Sqlite:Path) to a writable folder.", ex);
        }

        Volatile.Write(ref _directoryReady, 1);
    }
}
