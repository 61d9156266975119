using System.Data.Common;

namespace Mooring.Storage.Relational;

/// <summary>The statements behind <see cref="RelationalSyncRecordStore"/>, shared by every dialect's batch writer.</summary>
internal static class SyncRecordSql
{
    public const string Columns = "remote_id, data, deleted, first_seen_at, modified_at, updated_at, change_seq";

    public const string Upsert = """
        INSERT INTO sync_records (connection_id, model, remote_id, data, hash, deleted, first_seen_at, modified_at, updated_at, seen_run, change_seq)
        VALUES (@c, @m, @id, @data, @hash, 0, @now, @modified, @now, @seen, @seq)
        ON CONFLICT (connection_id, model, remote_id) DO UPDATE SET data = excluded.data, hash = excluded.hash, deleted = 0,
            modified_at = excluded.modified_at, updated_at = excluded.updated_at, seen_run = excluded.seen_run, change_seq = excluded.change_seq
        """;

    public const string Delete =
        "UPDATE sync_records SET deleted = 1, updated_at = @now, modified_at = COALESCE(@modified, modified_at), change_seq = @seq WHERE connection_id = @c AND model = @m AND remote_id = @id";

    public const string Touch =
        "UPDATE sync_records SET seen_run = @seen WHERE connection_id = @c AND model = @m AND remote_id = @id";

    /// <summary>Saves the cursor, extends the lease and takes <c>@n</c> change sequence numbers, if <c>@owner</c> holds the lease.</summary>
    public const string Advance = """
        UPDATE sync_state SET cursor = @cursor, change_seq = change_seq + @n, lease_expires_at = COALESCE(@until, lease_expires_at), updated_at = @now
        WHERE connection_id = @c AND model = @m AND lease_owner = @owner
        RETURNING change_seq
        """;

    /// <summary>Marks deleted every live record not seen by pass <c>@seen</c>, numbering the changes from <c>@base</c> + 1 in id order.</summary>
    public const string Sweep = """
        UPDATE sync_records SET deleted = 1, updated_at = @now, change_seq = @base + s.rn
        FROM (SELECT remote_id AS rid, ROW_NUMBER() OVER (ORDER BY remote_id) AS rn FROM sync_records
              WHERE connection_id = @c AND model = @m AND deleted = 0 AND seen_run <> @seen) AS s
        WHERE sync_records.connection_id = @c AND sync_records.model = @m AND sync_records.remote_id = s.rid
        """;

    public static string SqlFor(SyncRecordOpKind kind) => kind switch
    {
        SyncRecordOpKind.Upsert => Upsert,
        SyncRecordOpKind.Delete => Delete,
        _ => Touch,
    };

    /// <summary>The parameters of <paramref name="op"/>'s statement, by name (without the <c>@</c>).</summary>
    public static IEnumerable<(string Name, object? Value)> Parameters(string connectionId, string model, long now, SyncRecordOp op)
    {
        yield return ("c", connectionId);
        yield return ("m", model);
        yield return ("id", op.Record.RemoteId);
        switch (op.Kind)
        {
            case SyncRecordOpKind.Upsert:
                yield return ("data", op.Record.Data);
                yield return ("hash", op.Record.Hash);
                yield return ("now", now);
                yield return ("modified", Db.ToMs(op.Record.ModifiedAt));
                yield return ("seen", op.SeenRun);
                yield return ("seq", op.Sequence);
                break;
            case SyncRecordOpKind.Delete:
                yield return ("now", now);
                yield return ("modified", Db.ToMs(op.Record.ModifiedAt));
                yield return ("seq", op.Sequence);
                break;
            default:
                yield return ("seen", op.SeenRun);
                break;
        }
    }

    public static StoredSyncRecord Read(DbDataReader r) => new()
    {
        RemoteId = r.GetString(0),
        Data = r.GetString(1),
        Deleted = r.GetInt32(2) != 0,
        FirstSeenAt = r.Time(3),
        ModifiedAt = r.TimeOrNull(4),
        UpdatedAt = r.Time(5),
        ChangeSequence = r.GetInt64(6),
    };
}
