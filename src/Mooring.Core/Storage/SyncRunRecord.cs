using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>One run of a sync, for the sync log.</summary>
public sealed record SyncRunRecord
{
    /// <summary>The store's id; 0 for a run not stored yet.</summary>
    public long Id { get; init; }

    /// <summary>The connection.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>Full, incremental or webhook-triggered.</summary>
    public required SyncRunKind Kind { get; init; }

    /// <summary>How the run stands or ended.</summary>
    public SyncRunStatus Status { get; init; } = SyncRunStatus.Running;

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Pages read.</summary>
    public int Pages { get; init; }

    /// <summary>Records added.</summary>
    public long Added { get; init; }

    /// <summary>Records changed.</summary>
    public long Updated { get; init; }

    /// <summary>Records deleted.</summary>
    public long Deleted { get; init; }

    /// <summary>The error that ended it, in plain words.</summary>
    public string? Error { get; init; }

    /// <summary>The cursor reached.</summary>
    public string? Cursor { get; init; }
}
