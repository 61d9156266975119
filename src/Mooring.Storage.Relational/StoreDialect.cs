using System.Data.Common;

namespace Mooring.Storage.Relational;

/// <summary>What differs between the SQL databases Mooring stores into; everything else is shared.</summary>
internal abstract class StoreDialect
{
    /// <summary>A name for messages, such as "SQLite at /var/lib/mooring/mooring.db".</summary>
    public abstract string Description { get; }

    /// <summary>The column type for an auto-numbered 64-bit primary key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>The column type for bytes.</summary>
    public abstract string BlobType { get; }

    /// <summary>Appended to a SELECT that picks rows to lease, so that concurrent workers skip each other's rows.</summary>
    public abstract string SkipLockedClause { get; }

    /// <summary>Opens a connection, with a message naming the database and the fix when that fails.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection whose commits do not wait for the disk: they are atomic and survive a crash of the process, but
    /// the last ones may be lost on a power loss or an OS crash (SQLite: <c>synchronous = NORMAL</c> in WAL mode, made
    /// durable by the next ordinary commit's sync; PostgreSQL: <c>synchronous_commit = off</c>). Only for writes whose loss
    /// is harmless because they are redone or are only a record: a worker's lease and completion marks (an event whose
    /// completion is lost is processed again, and its handlers' writes, committed in the same transaction, are lost with
    /// it), forwarding attempts, the request log. Never for what Mooring acknowledges to someone (a webhook, a token).
    /// </summary>
    public virtual ValueTask<DbConnection> OpenRelaxedAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Begins a transaction that will write (SQLite: BEGIN IMMEDIATE, so that a read does not need upgrading later).</summary>
    public virtual async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Serialises migrations across instances, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Creates the lock that serialises work on one connection (default: in this process only).</summary>
    public virtual IConnectionLock CreateConnectionLock() => new Locks.InProcessConnectionLock();

    /// <summary>Whether the exception is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Settings applied once per database before migrations (SQLite: WAL).</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Marks the leased events of <paramref name="completions"/> completed (and attributes each to its connection where it
    /// had none) in one statement, outside any transaction, and returns the ids it changed (those <paramref name="owner"/>
    /// still held); <see langword="null"/> from a dialect that has no such statement, whose caller then goes row by row.
    /// </summary>
    public virtual Task<HashSet<long>?> TryCompleteWebhookEventsAsync(DbConnection connection, IReadOnlyList<WebhookCompletion> completions, string owner, long now, CancellationToken cancellationToken) =>
        Task.FromResult<HashSet<long>?>(null);

    /// <summary>
    /// Whether <see cref="InsertWebhookEventsAsync"/> writes a whole batch in one statement, which is atomic by itself, so
    /// that the caller may run it without a transaction (and save the BEGIN and COMMIT round trip).
    /// </summary>
    public virtual bool InsertsWebhookEventsInOneStatement => false;

    /// <summary>
    /// Inserts webhook events, skipping duplicates, inside <paramref name="transaction"/> (none only when
    /// <see cref="InsertsWebhookEventsInOneStatement"/>); returns for each its new id, or <see langword="null"/> for a duplicate.
    /// </summary>
    public abstract Task<long?[]> InsertWebhookEventsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken);

    /// <summary>
    /// Appends request log entries inside <paramref name="transaction"/>. The default sends 50 rows per statement, for a
    /// store with a round trip per statement; an in-process store may do better row by row.
    /// </summary>
    public virtual Task InsertRequestLogAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken) =>
        RequestLogSql.InsertAsync(connection, transaction, entries, cancellationToken);

    /// <summary>
    /// Runs one page's record writes inside <paramref name="transaction"/>. The default runs one prepared statement per
    /// kind of write and executes it per row (cheap in process); a dialect with a network round trip per statement batches them.
    /// </summary>
    public virtual async Task WriteSyncRecordsAsync(
        DbConnection connection, DbTransaction transaction, string connectionId, string model, long now, IReadOnlyList<SyncRecordOp> ops, CancellationToken cancellationToken)
    {
        var commands = new Dictionary<SyncRecordOpKind, DbCommand>();
        try
        {
            foreach (var op in ops)
            {
                if (!commands.TryGetValue(op.Kind, out var command))
                {
                    command = connection.Command(SyncRecordSql.SqlFor(op.Kind), transaction);
                    foreach (var (name, value) in SyncRecordSql.Parameters(connectionId, model, now, op))
                    {
                        command.With("@" + name, value);
                    }

                    commands[op.Kind] = command;
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (var (name, value) in SyncRecordSql.Parameters(connectionId, model, now, op))
                    {
                        command.Set("@" + name, value);
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
