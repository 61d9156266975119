namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Deliveries_EnqueuedInTheCompletion_AreLeasedOnceAndLogged()
    {
        var (events, deliveries) = (Harness.Get<IWebhookEventStore>(), Harness.Get<IWebhookDeliveryStore>());
        await events.AppendAsync([NewEvent("evt_fwd")], Ct);
        var e = (await events.LeaseAsync("w1", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();
        await events.CompleteAsync([new WebhookCompletion(e.Id, null, (tx, ct) => deliveries.EnqueueAsync(tx, NewDelivery(e.Id), ct))], "w1", Now, Ct);

        var leases = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => deliveries.LeaseAsync("s" + i, Now, TimeSpan.FromSeconds(30), 10, Ct)));
        var leased = leases.SelectMany(l => l).ShouldHaveSingleItem();
        var owner = "s" + Array.FindIndex(leases, l => l.Count == 1);
        var failed = await deliveries.RecordAttemptAsync(leased.Id, owner, Attempt(leased.Id, 1, 503, "HTTP 503"), false, Now + TimeSpan.FromMinutes(1), Ct);
        (await deliveries.LeaseAsync("s9", Now, TimeSpan.FromSeconds(30), 10, Ct)).ShouldBeEmpty();
        var again = (await deliveries.LeaseAsync("s9", Now + TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), 10, Ct)).Single();
        var delivered = await deliveries.RecordAttemptAsync(again.Id, "s9", Attempt(again.Id, 2, 204, null), true, null, Ct);

        (failed, delivered).ShouldBe((true, true));
        var stored = (await deliveries.ListAsync(e.Id, 10, Ct)).Single();
        stored.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        stored.Attempts.ShouldBe(2);
        stored.MessageId.ShouldBe("msg_" + e.Id);
        (await deliveries.ListAttemptsAsync(stored.Id, Ct)).Select(a => (a.Attempt, a.StatusCode)).ShouldBe([(1, (int?)503), (2, (int?)204)]);
    }

    [Fact]
    public async Task Deliveries_DeadAfterGivingUp_CanBeReplayed()
    {
        var (events, deliveries) = (Harness.Get<IWebhookEventStore>(), Harness.Get<IWebhookDeliveryStore>());
        await events.AppendAsync([NewEvent("evt_dead")], Ct);
        var e = (await events.LeaseAsync("w1", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();
        await events.CompleteAsync([new WebhookCompletion(e.Id, null, (tx, ct) => deliveries.EnqueueAsync(tx, NewDelivery(e.Id), ct))], "w1", Now, Ct);
        var leased = (await deliveries.LeaseAsync("s1", Now, TimeSpan.FromSeconds(30), 10, Ct)).Single();
        await deliveries.RecordAttemptAsync(leased.Id, "s1", Attempt(leased.Id, 1, 410, "HTTP 410"), false, null, Ct);
        (await deliveries.ListAsync(null, 10, Ct)).Single().Status.ShouldBe(WebhookDeliveryStatus.Dead);
        (await deliveries.RecordAttemptAsync(leased.Id, "s1", Attempt(leased.Id, 1, 200, null), true, null, Ct)).ShouldBeFalse();

        var replayed = await deliveries.ReplayAsync(null, Now, Ct);

        replayed.ShouldBe(1);
        var back = (await deliveries.LeaseAsync("s2", Now, TimeSpan.FromSeconds(30), 10, Ct)).Single();
        back.Attempts.ShouldBe(1);
        back.LastStatusCode.ShouldBe(410);
    }

    private WebhookDeliveryRecord NewDelivery(long eventId) =>
        new() { WebhookEventId = eventId, Target = "http://app.test/hooks", MessageId = "msg_" + eventId, CreatedAt = Now };

    private WebhookDeliveryAttempt Attempt(long id, int n, int? status, string? error) =>
        new() { DeliveryId = id, Attempt = n, At = Now, StatusCode = status, DurationMs = 12.5, Error = error };
}
