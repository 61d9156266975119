using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>The end of a complete full pass: what to delete, what cursor to save, and the guard against deleting too much.</summary>
public sealed record SyncSweep
{
    /// <summary>The connection.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>The lease holder writing.</summary>
    public required string LeaseOwner { get; init; }

    /// <summary>The pass: live records not seen in it are deleted.</summary>
    public required long SeenRun { get; init; }

    /// <summary>The cursor to save with the sweep.</summary>
    public string? Cursor { get; init; }

    /// <summary>The largest share (0 to 1) of the live records the sweep may delete; <see langword="null"/> for no limit.</summary>
    public double? MaxDeleteShare { get; init; }

    /// <summary>The time of the write.</summary>
    public required DateTimeOffset Now { get; init; }
}
