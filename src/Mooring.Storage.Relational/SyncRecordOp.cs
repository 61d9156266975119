namespace Mooring.Storage.Relational;

/// <summary>What a page does to one stored record.</summary>
internal enum SyncRecordOpKind
{
    /// <summary>Insert it, or replace its content (and undelete it).</summary>
    Upsert,

    /// <summary>Mark it deleted.</summary>
    Delete,

    /// <summary>Unchanged: only record that the full pass saw it.</summary>
    Touch,
}

/// <summary>One write of a page, with the change sequence it takes (0 for a touch).</summary>
internal readonly record struct SyncRecordOp(SyncRecordOpKind Kind, SyncRecordWrite Record, long Sequence, long SeenRun);
