namespace Mooring.Storage;

/// <summary>A synced record as stored, and its place in the change feed.</summary>
public sealed record StoredSyncRecord
{
    /// <summary>The provider's id.</summary>
    public required string RemoteId { get; init; }

    /// <summary>The record as canonical JSON (keys sorted); the last known content for a deleted record.</summary>
    public required string Data { get; init; }

    /// <summary>Whether the record was deleted at the provider.</summary>
    public bool Deleted { get; init; }

    /// <summary>When a sync first stored it.</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>When the provider says it last changed, if it says.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>When it last changed here (created, updated or deleted).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The change sequence of its last change: the change feed's cursor.</summary>
    public long ChangeSequence { get; init; }
}
