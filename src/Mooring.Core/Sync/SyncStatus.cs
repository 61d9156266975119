using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>Where one model's sync of one connection stands, as the dashboard and <c>GET /api/syncs</c> show it.</summary>
public sealed record SyncStatus
{
    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>When a run last ended successfully.</summary>
    public DateTimeOffset? LastSyncedAt { get; init; }

    /// <summary>Whether a run holds the lease now.</summary>
    public bool InProgress { get; init; }

    /// <summary>Whether scheduled runs are paused.</summary>
    public bool Paused { get; init; }

    /// <summary>A run asked for and not started yet.</summary>
    public SyncRunRequest? Requested { get; init; }

    /// <summary>The newest run, if any.</summary>
    public SyncRunRecord? LastRun { get; init; }

    /// <summary>How many records are stored and not deleted.</summary>
    public long Records { get; init; }

    /// <summary>The change feed's end: the change sequence of the newest record change.</summary>
    public long ChangeSequence { get; init; }
}
