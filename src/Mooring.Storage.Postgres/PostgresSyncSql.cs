using Mooring.Storage.Relational;

namespace Mooring.Storage.Postgres;

/// <summary>A page's record writes as one statement per kind, over arrays bound as <c>@ids</c>, <c>@datas</c>, … (see <see cref="SyncRecordSql"/> for the per-row forms).</summary>
internal static class PostgresSyncSql
{
    private const string Rows = "unnest(@ids::text[], @datas::text[], @hashes::text[], @modifieds::bigint[], @seens::bigint[], @seqs::bigint[]) AS u(id, data, hash, modified, seen, seq)";

    public static string For(SyncRecordOpKind kind) => kind switch
    {
        SyncRecordOpKind.Upsert => $"""
            INSERT INTO sync_records (connection_id, model, remote_id, data, hash, deleted, first_seen_at, modified_at, updated_at, seen_run, change_seq)
            SELECT @c, @m, u.id, u.data, u.hash, 0, @now, u.modified, @now, u.seen, u.seq FROM {Rows}
            ON CONFLICT (connection_id, model, remote_id) DO UPDATE SET data = excluded.data, hash = excluded.hash, deleted = 0,
                modified_at = excluded.modified_at, updated_at = excluded.updated_at, seen_run = excluded.seen_run, change_seq = excluded.change_seq
            """,
        SyncRecordOpKind.Delete => $"""
            UPDATE sync_records AS s SET deleted = 1, updated_at = @now, modified_at = COALESCE(u.modified, s.modified_at), change_seq = u.seq
            FROM {Rows} WHERE s.connection_id = @c AND s.model = @m AND s.remote_id = u.id
            """,
        _ => $"UPDATE sync_records AS s SET seen_run = u.seen FROM {Rows} WHERE s.connection_id = @c AND s.model = @m AND s.remote_id = u.id",
    };
}
