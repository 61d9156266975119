using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>
/// The forwarding outbox. Deliveries are enqueued in the worker's completion transaction; the senders' leases and attempt
/// records go through relaxed connections (<see cref="StoreDialect.OpenRelaxedAsync"/>): one lost in a power loss means a
/// delivery is sent again with the same message id.
/// </summary>
internal sealed class RelationalWebhookDeliveryStore(StoreDialect dialect) : IWebhookDeliveryStore
{
    public async Task EnqueueAsync(StoreTransaction transaction, WebhookDeliveryRecord delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(delivery);
        await using var command = transaction.CreateCommand(
            "INSERT INTO webhook_deliveries (webhook_event_id, target, message_id, status, attempts, next_attempt_at, created_at) VALUES (@event, @target, @message, 'pending', 0, @due, @created)")
            .With("@event", delivery.WebhookEventId).With("@target", delivery.Target).With("@message", delivery.MessageId)
            .With("@due", Db.ToMs(delivery.NextAttemptAt == default ? delivery.CreatedAt : delivery.NextAttemptAt)).With("@created", Db.ToMs(delivery.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookDeliveryRecord>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = WorkQueueSql.Lease(db, dialect, "webhook_deliveries", "delivering", WebhookDeliverySql.Columns, owner, now, leaseDuration, max);
        var leased = await command.ReadAllAsync(WebhookDeliverySql.Read, cancellationToken).ConfigureAwait(false);
        leased.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return leased;
    }

    public async Task<bool> RecordAttemptAsync(long id, string owner, WebhookDeliveryAttempt attempt, bool delivered, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        await using (var log = db.Command(
            "INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, duration_ms, error) VALUES (@id, @attempt, @at, @code, @duration, @error)", transaction))
        {
            log.With("@id", id).With("@attempt", attempt.Attempt).With("@at", Db.ToMs(attempt.At)).With("@code", attempt.StatusCode)
                .With("@duration", attempt.DurationMs).With("@error", attempt.Error);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var status = delivered ? "delivered" : retryAt is null ? "dead" : "failed";
        await using var update = db.Command(
            "UPDATE webhook_deliveries SET status = @status, last_status_code = @code, last_error = @error, next_attempt_at = COALESCE(@retry, next_attempt_at), delivered_at = @delivered, lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND lease_owner = @owner AND status = 'delivering'",
            transaction)
            .With("@status", status).With("@code", attempt.StatusCode).With("@error", delivered ? null : attempt.Error).With("@retry", Db.ToMs(retryAt))
            .With("@delivered", delivered ? Db.ToMs(attempt.At) : null).With("@id", id).With("@owner", owner);
        var applied = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public async Task<IReadOnlyList<WebhookDeliveryRecord>> ListAsync(long? webhookEventId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = webhookEventId is null ? string.Empty : "WHERE webhook_event_id = @event ";
        await using var command = db.Command($"SELECT {WebhookDeliverySql.Columns} FROM webhook_deliveries {where}ORDER BY id DESC LIMIT @limit")
            .With("@limit", Math.Clamp(limit, 1, 1000));
        if (webhookEventId is { } eventId)
        {
            command.With("@event", eventId);
        }

        return await command.ReadAllAsync(WebhookDeliverySql.Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookDeliveryAttempt>> ListAttemptsAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(
            "SELECT delivery_id, attempt, at, status_code, duration_ms, error FROM webhook_delivery_attempts WHERE delivery_id = @id ORDER BY attempt, id").With("@id", deliveryId);
        var result = new List<WebhookDeliveryAttempt>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new WebhookDeliveryAttempt
            {
                DeliveryId = r.GetInt64(0),
                Attempt = r.GetInt32(1),
                At = r.Time(2),
                StatusCode = r.IsDBNull(3) ? null : r.GetInt32(3),
                DurationMs = r.GetDouble(4),
                Error = r.StringOrNull(5),
            });
        }

        return result;
    }

    public async Task<int> ReplayAsync(IReadOnlyList<long>? ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids is { Count: 0 })
        {
            return 0;
        }

        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty).With("@now", Db.ToMs(now));
        var sql = new StringBuilder("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, attempts = 0 WHERE status IN ('failed', 'dead')");
        if (ids is not null)
        {
            sql.Append(" AND id IN (").AppendJoin(", ", ids.Select((_, i) => "@id" + i)).Append(')');
            for (var i = 0; i < ids.Count; i++)
            {
                command.With("@id" + i, ids[i]);
            }
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
