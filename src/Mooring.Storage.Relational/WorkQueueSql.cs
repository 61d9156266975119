using System.Data.Common;

namespace Mooring.Storage.Relational;

/// <summary>
/// The lease statement shared by the work queues (webhook events, forwarding deliveries): one <c>UPDATE … RETURNING</c>
/// that takes due rows (pending or failed with their time reached, or leased with an expired lease), so that workers
/// in any number of instances never take the same row (<c>SKIP LOCKED</c> on PostgreSQL, the single writer on SQLite).
/// </summary>
internal static class WorkQueueSql
{
    public static DbCommand Lease(DbConnection db, StoreDialect dialect, string table, string leasedStatus, string columns, string owner, DateTimeOffset now, TimeSpan leaseDuration, int max) =>
        db.Command($"""
            UPDATE {table}
            SET status = '{leasedStatus}', lease_owner = @owner, lease_expires_at = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM {table}
                WHERE (status IN ('pending', 'failed') AND next_attempt_at <= @now) OR (status = '{leasedStatus}' AND lease_expires_at <= @now)
                ORDER BY next_attempt_at, id
                LIMIT @max
                {dialect.SkipLockedClause})
            RETURNING {columns}
            """)
            .With("@owner", owner).With("@until", Db.ToMs(now + leaseDuration)).With("@now", Db.ToMs(now)).With("@max", max);
}
