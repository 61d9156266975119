using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>One run in progress: who holds the lease, its log record and counters, what it asked for.</summary>
internal sealed class SyncRun(SyncModel model, SyncContext context, string owner, SyncRunRecord record, bool force)
{
    public SyncModel Model { get; } = model;

    public SyncDefinition Definition => Model.Definition;

    public SyncContext Context { get; } = context;

    public string Owner { get; } = owner;

    public bool Force { get; } = force;

    public SyncRunRecord Record { get; set; } = record;

    public void Count(SyncBatchResult result, string? cursor) => Record = Record with
    {
        Pages = Record.Pages + 1,
        Added = Record.Added + result.Added,
        Updated = Record.Updated + result.Updated,
        Deleted = Record.Deleted + result.Deleted,
        Cursor = cursor,
    };
}
