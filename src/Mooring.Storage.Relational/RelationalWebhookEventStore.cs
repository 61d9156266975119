using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>
/// The webhook inbox and its work queue. The inbox's appends are what Mooring acknowledges, so their commits wait for the
/// disk; the workers' leases, completions and failures go through relaxed connections (<see cref="StoreDialect.OpenRelaxedAsync"/>):
/// one lost in a power loss only means the event is processed again, and a handler's writes, committed with the
/// completion, are lost with it.
/// </summary>
internal sealed class RelationalWebhookEventStore(StoreDialect dialect) : IWebhookEventStore
{
    public async Task<IReadOnlyList<long?>> AppendAsync(IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.InsertsWebhookEventsInOneStatement)
        {
            // One statement is atomic on its own: without BEGIN and COMMIT the batch costs one round trip, not two.
            return await dialect.InsertWebhookEventsAsync(db, null, events, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        var inserted = await dialect.InsertWebhookEventsAsync(db, transaction, events, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    public async Task<IReadOnlyList<WebhookEventRecord>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = WorkQueueSql.Lease(db, dialect, "webhook_events", "processing", WebhookEventSql.Columns, owner, now, leaseDuration, max);
        var leased = await command.ReadAllAsync(WebhookEventSql.Read, cancellationToken).ConfigureAwait(false);
        leased.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return leased;
    }

    public async Task<IReadOnlyList<bool>> RenewAsync(IReadOnlyList<long> ids, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = WorkQueueSql.Renew(db, "webhook_events", "processing", ids, owner, now + leaseDuration);
        var renewed = (await command.ReadAllAsync(static r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)).ToHashSet();
        return [.. ids.Select(renewed.Contains)];
    }

    public async Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            "UPDATE webhook_events SET status = 'completed', completed_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL WHERE id = @id AND lease_owner = @owner AND status = 'processing'",
            cancellationToken, ("@now", Db.ToMs(now)), ("@id", id), ("@owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<WebhookCompletion> completions, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var applied = new bool[completions.Count];
        if (completions.Count == 0)
        {
            return applied;
        }

        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        // Nothing of the handlers' to write: the marks alone, one statement (one round trip) where the dialect has one.
        if (completions.All(c => c.Writes is null)
            && await dialect.TryCompleteWebhookEventsAsync(db, completions, owner, Db.ToMs(now), cancellationToken).ConfigureAwait(false) is { } completed)
        {
            for (var i = 0; i < completions.Count; i++)
            {
                applied[i] = completed.Contains(completions[i].Id);
            }

            return applied;
        }

        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        var store = new StoreTransaction(db, transaction, StoreTransactions.ProviderOf(db));
        await using var command = db.Command(
            "UPDATE webhook_events SET status = 'completed', completed_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL, connection_id = COALESCE(connection_id, @connection) WHERE id = @id AND lease_owner = @owner AND status = 'processing'",
            transaction).With("@now", Db.ToMs(now)).With("@owner", owner).With("@id", null).With("@connection", null);
        for (var i = 0; i < completions.Count; i++)
        {
            command.Set("@id", completions[i].Id);
            command.Set("@connection", completions[i].ConnectionId?.Value);
            applied[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            if (applied[i] && completions[i].Writes is { } writes)
            {
                // The completion mark is written first: the row is now locked (PostgreSQL) or the database is (SQLite), so
                // no other worker can complete the same event while the handler's writes run.
                await writes(store, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public async Task<bool> FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            "UPDATE webhook_events SET status = @status, last_error = @error, next_attempt_at = COALESCE(@retry, next_attempt_at), lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND lease_owner = @owner AND status = 'processing'",
            cancellationToken,
            ("@status", retryAt is null ? "dead" : "failed"), ("@error", error), ("@retry", Db.ToMs(retryAt)), ("@id", id), ("@owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task<int> ReleaseAsync(IReadOnlyList<string> owners, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owners);
        if (owners.Count == 0)
        {
            return 0;
        }

        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty).With("@now", Db.ToMs(now));
        for (var i = 0; i < owners.Count; i++)
        {
            command.With("@o" + i, owners[i]);
        }

        command.CommandText =
            "UPDATE webhook_events SET status = 'pending', next_attempt_at = @now, attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL "
            + $"WHERE status = 'processing' AND lease_owner IN ({string.Join(", ", owners.Select((_, i) => "@o" + i))})";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookEventRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {WebhookEventSql.Columns} FROM webhook_events WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? WebhookEventSql.Read(reader) : null;
    }

    public async Task<IReadOnlyList<WebhookEventRecord>> ListAsync(WebhookEventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty);
        new SqlWhere(command, $"SELECT {WebhookEventSql.Columns} FROM webhook_events")
            .When("provider", query.Provider?.Value)
            .When("event_type", query.EventType)
            .In("status", query.Statuses.Select(s => (object)EnumText.Of(s)).ToList())
            .When("id", query.Before, "<")
            .OrderBy("id DESC", query.Limit);
        return await command.ReadAllAsync(WebhookEventSql.Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ReplayAsync(IReadOnlyList<long>? ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty).With("@now", Db.ToMs(now));
        var sql = new StringBuilder("UPDATE webhook_events SET status = 'pending', next_attempt_at = @now, attempts = 0, completed_at = NULL WHERE status IN ('failed', 'dead')");
        if (ids is not null)
        {
            if (ids.Count == 0)
            {
                return 0;
            }

            sql.Append(" AND id IN (").AppendJoin(", ", ids.Select((_, i) => "@id" + i)).Append(')');
            for (var i = 0; i < ids.Count; i++)
            {
                command.With("@id" + i, ids[i]);
            }
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeCompletedAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        await using var select = db.Command(RetentionSql.CompletedEvents, transaction).With("@cutoff", Db.ToMs(cutoff)).With("@max", max);
        var ids = await select.ReadAllAsync(static r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            await RetentionSql.DeleteEventsAsync(db, transaction, ids, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }
}
