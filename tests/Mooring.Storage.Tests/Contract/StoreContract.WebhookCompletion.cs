using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Webhooks_CompleteWithWrites_CommitsTheWritesWithTheMarkAndRecordsTheConnection()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await RawExecuteAsync("CREATE TABLE handler_effects (event_id TEXT NOT NULL)");
        await store.AppendAsync([NewEvent("evt_tx")], Ct);
        var leased = (await store.LeaseAsync("w1", Now, TimeSpan.FromSeconds(30), 10, Ct)).Single();

        var applied = await store.CompleteAsync([new WebhookCompletion(leased.Id, ConnectionId.Parse("conn-9"), InsertEffect("evt_tx"))], "w1", Now, Ct);

        applied.ShouldBe([true]);
        (await RawScalarAsync("SELECT COUNT(*) FROM handler_effects WHERE event_id = 'evt_tx'")).ShouldBe(1);
        var stored = await store.GetAsync(leased.Id, Ct);
        stored!.Status.ShouldBe(WebhookEventStatus.Completed);
        stored.ConnectionId.ShouldBe(ConnectionId.Parse("conn-9"));
    }

    [Fact]
    public async Task Webhooks_CompleteAfterLosingTheLease_SkipsTheWrites()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await RawExecuteAsync("CREATE TABLE handler_effects (event_id TEXT NOT NULL)");
        await store.AppendAsync([NewEvent("evt_a"), NewEvent("evt_b")], Ct);
        var leased = await store.LeaseAsync("slow", Now, TimeSpan.FromSeconds(30), 10, Ct);
        var later = Now + TimeSpan.FromSeconds(31);
        var stolen = await store.LeaseAsync("fast", later, TimeSpan.FromSeconds(30), 1, Ct);

        var applied = await store.CompleteAsync([.. leased.Select(e => new WebhookCompletion(e.Id, null, InsertEffect(e.EventId)))], "slow", later, Ct);

        applied.ShouldBe(leased.Select(e => e.Id != stolen.Single().Id).ToArray());
        (await RawScalarAsync("SELECT COUNT(*) FROM handler_effects")).ShouldBe(1);
        (await RawScalarAsync($"SELECT COUNT(*) FROM handler_effects WHERE event_id = '{stolen.Single().EventId}'")).ShouldBe(0);
    }

    [Fact]
    public async Task Webhooks_CompleteABatchWithoutWrites_MarksOnlyWhatIsStillLeasedAndRecordsConnections()
    {
        // Without handler writes PostgreSQL completes the batch in one statement: the same answers as row by row.
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("evt_1"), NewEvent("evt_2"), NewEvent("evt_3")], Ct);
        var leased = await store.LeaseAsync("slow", Now, TimeSpan.FromSeconds(30), 10, Ct);
        var later = Now + TimeSpan.FromSeconds(31);
        var stolen = (await store.LeaseAsync("fast", later, TimeSpan.FromSeconds(30), 1, Ct)).Single();

        var applied = await store.CompleteAsync(
            [.. leased.Select((e, i) => new WebhookCompletion(e.Id, i == 2 ? ConnectionId.Parse("conn-3") : null, null))], "slow", later, Ct);

        applied.ShouldBe(leased.Select(e => e.Id != stolen.Id).ToArray());
        foreach (var (e, i) in leased.Select((e, i) => (e, i)))
        {
            var stored = await store.GetAsync(e.Id, Ct);
            stored!.Status.ShouldBe(e.Id == stolen.Id ? WebhookEventStatus.Processing : WebhookEventStatus.Completed);
            stored.LeaseOwner.ShouldBe(e.Id == stolen.Id ? "fast" : null);
            stored.ConnectionId.ShouldBe(i == 2 && e.Id != stolen.Id ? ConnectionId.Parse("conn-3") : null);
        }
    }

    [Fact]
    public async Task Webhooks_CompleteWhenAWriteThrows_CommitsNothing()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await RawExecuteAsync("CREATE TABLE handler_effects (event_id TEXT NOT NULL)");
        await store.AppendAsync([NewEvent("evt_ok"), NewEvent("evt_bad")], Ct);
        var leased = await store.LeaseAsync("w1", Now, TimeSpan.FromSeconds(30), 10, Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => store.CompleteAsync(
            [new WebhookCompletion(leased[0].Id, null, InsertEffect("evt_ok")), new WebhookCompletion(leased[1].Id, null, (_, _) => throw new InvalidOperationException("handler bug"))],
            "w1",
            Now,
            Ct));

        (await RawScalarAsync("SELECT COUNT(*) FROM handler_effects")).ShouldBe(0);
        (await store.GetAsync(leased[0].Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Processing);
    }

    private static Func<StoreTransaction, CancellationToken, Task> InsertEffect(string eventId) => async (tx, ct) =>
    {
        await using var command = tx.CreateCommand("INSERT INTO handler_effects (event_id) VALUES (@e)");
        var p = command.CreateParameter();
        p.ParameterName = "@e";
        p.Value = eventId;
        command.Parameters.Add(p);
        await command.ExecuteNonQueryAsync(ct);
    };
}
