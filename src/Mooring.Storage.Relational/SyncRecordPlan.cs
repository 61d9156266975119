namespace Mooring.Storage.Relational;

/// <summary>
/// What one page does to each of its records, decided from what the store holds: new or undeleted records and changed
/// hashes are written with a change sequence number, deletions of live records are marked, unchanged records are only
/// touched (and only in a full pass, so that the sweep knows they were seen).
/// </summary>
internal sealed class SyncRecordPlan
{
    private readonly List<(SyncRecordOpKind Kind, SyncRecordWrite Record, long SeenRun)> _ops = [];

    private SyncRecordPlan()
    {
    }

    public SyncBatchResult Result { get; private set; }

    /// <summary>How many change sequence numbers the page takes.</summary>
    public int Changes { get; private set; }

    public static SyncRecordPlan Create(IReadOnlyList<SyncRecordWrite> records, IReadOnlyDictionary<string, Existing> existing, long? seenRun)
    {
        var plan = new SyncRecordPlan();
        int added = 0, updated = 0, unchanged = 0, deleted = 0;
        foreach (var record in records)
        {
            var found = existing.TryGetValue(record.RemoteId, out var e) ? e : (Existing?)null;
            var seen = seenRun ?? found?.SeenRun ?? 0;
            if (record.Deleted)
            {
                if (found is { Deleted: false })
                {
                    plan._ops.Add((SyncRecordOpKind.Delete, record, seen));
                    deleted++;
                }
                else
                {
                    unchanged++;
                }
            }
            else if (found is null || found.Value.Deleted)
            {
                plan._ops.Add((SyncRecordOpKind.Upsert, record, seen));
                added++;
            }
            else if (!string.Equals(found.Value.Hash, record.Hash, StringComparison.Ordinal))
            {
                plan._ops.Add((SyncRecordOpKind.Upsert, record, seen));
                updated++;
            }
            else
            {
                if (seenRun is not null && found.Value.SeenRun != seenRun)
                {
                    plan._ops.Add((SyncRecordOpKind.Touch, record, seen));
                }

                unchanged++;
            }
        }

        plan.Result = new SyncBatchResult(added, updated, unchanged, deleted);
        plan.Changes = added + updated + deleted;
        return plan;
    }

    /// <summary>The writes, the changes numbered from <paramref name="first"/> + 1.</summary>
    public IReadOnlyList<SyncRecordOp> Number(long first)
    {
        var ops = new List<SyncRecordOp>(_ops.Count);
        var next = first;
        foreach (var (kind, record, seen) in _ops)
        {
            ops.Add(new SyncRecordOp(kind, record, kind == SyncRecordOpKind.Touch ? 0 : ++next, seen));
        }

        return ops;
    }

    /// <summary>What the store holds for one id.</summary>
    public readonly record struct Existing(string Hash, bool Deleted, long SeenRun);
}
