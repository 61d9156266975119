namespace Mooring.Sandbox.Data;

/// <summary>What happened to a record.</summary>
internal enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One entry of a store's change log; the sequence is what sync tokens and history ids encode.</summary>
internal readonly record struct Change(long Sequence, long Index, ChangeKind Kind, DateTimeOffset At);

/// <summary>
/// The current state of one record; the content itself is a pure function of (seed, index, version). <paramref name="Sequence"/>
/// is the change-log sequence of its last change (0 for a record untouched since the start), as Gmail's per-message historyId.
/// </summary>
internal readonly record struct RecordState(long Index, int Version, bool Deleted, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Sequence = 0);
