using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>
/// The synced copy of remote records, per connection and model, and its change feed. Every write happens in one
/// transaction with the sync's cursor and only while the writer holds the sync's lease, so a crash between two pages
/// leaves exactly the records the saved cursor covers.
/// </summary>
public interface ISyncRecordStore
{
    /// <summary>
    /// Applies one page: records whose canonical hash is unchanged are not rewritten, changed ones get the next change
    /// sequence numbers; saves <see cref="SyncRecordBatch.Cursor"/> and extends the lease, all in one transaction.
    /// </summary>
    /// <exception cref="SyncLeaseLostException">The writer no longer holds the lease; nothing was written.</exception>
    Task<SyncBatchResult> ApplyAsync(SyncRecordBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a complete full pass: marks deleted every live record not seen in it (unless they are more than
    /// <see cref="SyncSweep.MaxDeleteShare"/> of the live records) and saves the cursor, in one transaction.
    /// </summary>
    /// <exception cref="SyncLeaseLostException">The writer no longer holds the lease; nothing was written.</exception>
    Task<SyncSweepResult> SweepAsync(SyncSweep sweep, CancellationToken cancellationToken);

    /// <summary>Records changed after <paramref name="after"/> (a change sequence; 0 for the start), oldest change first.</summary>
    Task<IReadOnlyList<StoredSyncRecord>> ReadChangesAsync(ConnectionId connectionId, string model, long after, int limit, CancellationToken cancellationToken);

    /// <summary>One record, deleted or not, or <see langword="null"/> if it was never synced.</summary>
    Task<StoredSyncRecord?> GetAsync(ConnectionId connectionId, string model, string remoteId, CancellationToken cancellationToken);

    /// <summary>Deletes everything synced for the connection (records, sync states, the run log), in one transaction; returns the records deleted.</summary>
    Task<long> DeleteConnectionAsync(ConnectionId connectionId, CancellationToken cancellationToken);

    /// <summary>How many records of the model are live (not deleted).</summary>
    Task<long> CountAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken);
}
