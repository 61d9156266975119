using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>One page of a sync, to apply in one transaction with the cursor that follows it.</summary>
public sealed record SyncRecordBatch
{
    /// <summary>The connection.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>The lease holder writing; the batch is refused if it no longer holds the lease.</summary>
    public required string LeaseOwner { get; init; }

    /// <summary>The records; a later write of the same id in the page wins.</summary>
    public required IReadOnlyList<SyncRecordWrite> Records { get; init; }

    /// <summary>The full pass the page belongs to, recorded on every record in it (for the sweep); <see langword="null"/> for an incremental page.</summary>
    public long? SeenRun { get; init; }

    /// <summary>The sync cursor after this page, saved with it.</summary>
    public string? Cursor { get; init; }

    /// <summary>The time of the write.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Until when the lease is extended.</summary>
    public required DateTimeOffset LeaseUntil { get; init; }
}
