using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    [Fact]
    public async Task Retention_RequestLog_DeletesOldEntriesInBoundedBatches()
    {
        var store = Harness.Get<IRequestLogStore>();
        RequestLogEntry Entry(TimeSpan age, string path) =>
            new() { At = Now - age, Provider = ProviderKey.Parse("slack"), Method = "GET", Path = path, Status = 200, DurationMs = 1 };
        await store.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Entry(TimeSpan.FromDays(40 + i), "/old/" + i)), Entry(TimeSpan.FromDays(29), "/recent"), Entry(TimeSpan.Zero, "/now")], Ct);

        List<int> batches = [];
        do
        {
            batches.Add(await store.PurgeOlderThanAsync(Now - Kept, 2, Ct));
        }
        while (batches[^1] == 2);

        batches.ShouldBe([2, 2, 1]);
        (await store.QueryAsync(new RequestLogQuery(), Ct)).Select(e => e.Path).ShouldBe(["/now", "/recent"]);
    }

    [Fact]
    public async Task Retention_WebhookEvents_DeletesCompletedEventsWithTheirForwardingsOnly()
    {
        var (events, deliveries) = (Harness.Get<IWebhookEventStore>(), Harness.Get<IWebhookDeliveryStore>());
        var done1 = await CompleteAsync("evt_done_1", forwarded: true);
        var done2 = await CompleteAsync("evt_done_2", forwarded: null);
        var waiting = await CompleteAsync("evt_forwarding_failed", forwarded: false);
        await events.AppendAsync([NewEvent("evt_dead")], Ct);
        var dead = (await events.LeaseAsync("w", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();
        await events.FailAsync(dead.Id, "w", "handler threw", null, Ct);
        await events.AppendAsync([NewEvent("evt_pending")], Ct);
        Harness.Time.Advance(TimeSpan.FromDays(31));
        var recent = await CompleteAsync("evt_recent", forwarded: true);

        var first = await events.PurgeCompletedAsync(Now - Kept, 1, Ct);
        var second = await events.PurgeCompletedAsync(Now - Kept, 1, Ct);
        var third = await events.PurgeCompletedAsync(Now - Kept, 1, Ct);

        (first, second, third).ShouldBe((1, 1, 0));
        (await events.ListAsync(new WebhookEventQuery(), Ct)).Select(e => e.EventId).Order()
            .ShouldBe(["evt_dead", "evt_forwarding_failed", "evt_pending", "evt_recent"]);
        (await events.GetAsync(done1.EventRowId, Ct)).ShouldBeNull();
        (await events.GetAsync(done2.EventRowId, Ct)).ShouldBeNull();
        (await deliveries.ListAsync(done1.EventRowId, 10, Ct)).ShouldBeEmpty();
        (await deliveries.ListAttemptsAsync(done1.DeliveryId!.Value, Ct)).ShouldBeEmpty();
        (await deliveries.ListAsync(waiting.EventRowId, 10, Ct)).Single().Status.ShouldBe(WebhookDeliveryStatus.Dead);
        (await deliveries.ListAttemptsAsync(recent.DeliveryId!.Value, Ct)).ShouldHaveSingleItem();
        // Past its retention, a repeat of the event is no longer recognized: it is taken as new.
        (await events.AppendAsync([NewEvent("evt_done_1")], Ct)).Single().ShouldNotBeNull();
    }

    [Fact]
    public async Task Retention_SyncRuns_KeepTheNewestOfEachKindAndUnfinishedRuns()
    {
        var store = Harness.Get<ISyncStore>();
        var other = ConnectionId.Parse("c-other");
        async Task<long> RunAsync(ConnectionId connection, SyncRunKind kind, bool finished = true)
        {
            var run = await store.StartRunAsync(new SyncRunRecord { ConnectionId = connection, Model = "events", Kind = kind, StartedAt = Now }, Ct);
            if (finished)
            {
                await store.UpdateRunAsync(run with { Status = SyncRunStatus.Succeeded, FinishedAt = Now + TimeSpan.FromMinutes(1) }, Ct);
            }

            return run.Id;
        }

        var old = new[] { await RunAsync(SyncConnection, SyncRunKind.Incremental), await RunAsync(SyncConnection, SyncRunKind.Incremental) };
        var full = await RunAsync(SyncConnection, SyncRunKind.Full);
        var stuck = await RunAsync(other, SyncRunKind.Incremental, finished: false);
        var otherOld = await RunAsync(other, SyncRunKind.Full);
        var otherLatest = await RunAsync(other, SyncRunKind.Full);
        Harness.Time.Advance(TimeSpan.FromDays(31));
        var latest = await RunAsync(SyncConnection, SyncRunKind.Incremental);

        var purged = await store.PurgeRunsAsync(Now - Kept, 100, Ct);

        purged.ShouldBe(3);
        (await store.ListRunsAsync(SyncConnection, null, 10, Ct)).Select(r => r.Id).ShouldBe([latest, full]);
        (await store.ListRunsAsync(other, null, 10, Ct)).Select(r => r.Id).ShouldBe([otherLatest, stuck]);
        old.Concat([otherOld]).ShouldAllBe(id => id < latest);
    }

    /// <summary>An event appended, leased and completed now; with a forwarding delivered (true), dead (false) or none (null).</summary>
    private async Task<(long EventRowId, long? DeliveryId)> CompleteAsync(string eventId, bool? forwarded)
    {
        var (events, deliveries) = (Harness.Get<IWebhookEventStore>(), Harness.Get<IWebhookDeliveryStore>());
        await events.AppendAsync([NewEvent(eventId)], Ct);
        var e = (await events.LeaseAsync("w", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();
        if (forwarded is not { } delivered)
        {
            await events.CompleteAsync(e.Id, "w", Now, Ct);
            return (e.Id, null);
        }

        await events.CompleteAsync([new WebhookCompletion(e.Id, null, (tx, ct) => deliveries.EnqueueAsync(tx, NewDelivery(e.Id), ct))], "w", Now, Ct);
        var d = (await deliveries.LeaseAsync("s", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();
        await deliveries.RecordAttemptAsync(d.Id, "s", Attempt(d.Id, 1, delivered ? 204 : 410, delivered ? null : "HTTP 410"), delivered, null, Ct);
        return (e.Id, d.Id);
    }
}
