using System.Data.Common;
using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>
/// The statements that delete what has outlived its retention, a bounded batch at a time so that no transaction holds
/// the write lock for long. The old rows are a prefix of each table in id order (ids follow arrival), so each statement
/// scans that prefix only: it stops at the first row too young to go, found by id without an index on the time.
/// </summary>
internal static class RetentionSql
{
    /// <summary>Request log entries older than <c>@cutoff</c>, by the index on <c>at</c>.</summary>
    public const string RequestLog =
        "DELETE FROM request_log WHERE id IN (SELECT id FROM request_log WHERE at < @cutoff ORDER BY at LIMIT @max)";

    /// <summary>Completed events, received and completed before <c>@cutoff</c>, whose forwardings (if any) all arrived.</summary>
    public const string CompletedEvents = """
        SELECT e.id FROM webhook_events e
        WHERE e.id < COALESCE((SELECT y.id FROM webhook_events y WHERE y.received_at >= @cutoff ORDER BY y.id LIMIT 1), 9223372036854775807)
          AND e.status = 'completed' AND e.completed_at < @cutoff
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.webhook_event_id = e.id AND d.status <> 'delivered')
        ORDER BY e.id LIMIT @max
        """;

    /// <summary>Finished runs started and finished before <c>@cutoff</c>, except the newest of each kind of a connection's model.</summary>
    public const string SyncRuns = """
        DELETE FROM sync_runs WHERE id IN (
            SELECT r.id FROM sync_runs r
            WHERE r.id < COALESCE((SELECT y.id FROM sync_runs y WHERE y.started_at >= @cutoff ORDER BY y.id LIMIT 1), 9223372036854775807)
              AND r.finished_at < @cutoff
              AND r.id < (SELECT MAX(m.id) FROM sync_runs m WHERE m.connection_id = r.connection_id AND m.model = r.model AND m.kind = r.kind)
            ORDER BY r.id LIMIT @max)
        """;

    /// <summary>Deletes the events with these ids, their forwardings and the forwardings' attempts, inside <paramref name="transaction"/>.</summary>
    public static async Task DeleteEventsAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var list = new StringBuilder().AppendJoin(", ", ids.Select((_, i) => "@id" + i)).ToString();
        string[] statements =
        [
            $"DELETE FROM webhook_delivery_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE webhook_event_id IN ({list}))",
            $"DELETE FROM webhook_deliveries WHERE webhook_event_id IN ({list})",
            $"DELETE FROM webhook_events WHERE id IN ({list})",
        ];
        foreach (var sql in statements)
        {
            await using var command = db.Command(sql, transaction);
            for (var i = 0; i < ids.Count; i++)
            {
                command.With("@id" + i, ids[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
