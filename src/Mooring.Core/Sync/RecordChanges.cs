using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>A page of the change feed.</summary>
/// <param name="Records">The changed records (deleted ones with <see cref="StoredSyncRecord.Deleted"/> set).</param>
/// <param name="NextCursor">The cursor to read on from (the same as the one given when nothing changed).</param>
/// <param name="HasMore">Whether more changes are waiting now.</param>
public sealed record RecordChanges(IReadOnlyList<StoredSyncRecord> Records, string NextCursor, bool HasMore);
