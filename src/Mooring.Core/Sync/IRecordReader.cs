using Mooring.Connections;

namespace Mooring.Sync;

/// <summary>The synced records' change feed: every record created, updated or deleted after a cursor, each once at its latest state.</summary>
public interface IRecordReader
{
    /// <summary>
    /// Up to <paramref name="limit"/> records changed after <paramref name="cursor"/> (<see langword="null"/> for the
    /// beginning), oldest change first. Keep <see cref="RecordChanges.NextCursor"/> and pass it next time: nothing is
    /// skipped or repeated, and a record changed again later comes again with its new state.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is not a cursor this feed gave out.</exception>
    Task<RecordChanges> ReadChangesAsync(ConnectionId connectionId, string model, string? cursor, int limit, CancellationToken cancellationToken);
}
