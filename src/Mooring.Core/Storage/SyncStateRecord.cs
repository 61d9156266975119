using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>The standing of one model's sync for one connection: its cursor, its lease, whether it is paused.</summary>
public sealed record SyncStateRecord
{
    /// <summary>The connection.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The model, such as <c>calendar-events</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The provider's cursor reached by the last committed page (a sync token, a history id, a timestamp).</summary>
    public string? Cursor { get; init; }

    /// <summary>The instance running the sync, if one is.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the running sync's lease ends.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When a run last ended successfully.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Whether scheduled runs are paused.</summary>
    public bool Paused { get; init; }

    /// <summary>The change sequence of the model's last record change (the change feed's end).</summary>
    public long ChangeSequence { get; init; }

    /// <summary>A run asked for and not started yet.</summary>
    public SyncRunRequest? Requested { get; init; }

    /// <summary>When this record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
