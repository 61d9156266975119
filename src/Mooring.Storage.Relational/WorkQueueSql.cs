using System.Data.Common;

namespace Mooring.Storage.Relational;

/// <summary>
/// The lease statements shared by the work queues (webhook events, forwarding deliveries): one <c>UPDATE … RETURNING</c>
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

    /// <summary>
    /// Extends the leases <paramref name="owner"/> still holds among <paramref name="ids"/> (checked against the owner only, as
    /// a completion is: a lease that ran out is still held until another worker takes it); returns the ids it extended.
    /// </summary>
    public static DbCommand Renew(DbConnection db, string table, string leasedStatus, IReadOnlyList<long> ids, string owner, DateTimeOffset until)
    {
        var command = db.Command(string.Empty).With("@owner", owner).With("@until", Db.ToMs(until));
        for (var i = 0; i < ids.Count; i++)
        {
            command.With("@id" + i, ids[i]);
        }

        command.CommandText =
            $"UPDATE {table} SET lease_expires_at = @until WHERE lease_owner = @owner AND status = '{leasedStatus}' "
            + $"AND id IN ({string.Join(", ", ids.Select((_, i) => "@id" + i))}) RETURNING id";
        return command;
    }
}
