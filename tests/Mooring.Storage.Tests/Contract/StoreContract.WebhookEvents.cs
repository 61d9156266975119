using System.Text;
using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private WebhookEventRecord NewEvent(string eventId, string provider = "stripe") => new()
    {
        Provider = ProviderKey.Parse(provider),
        EventId = eventId,
        EventType = "invoice.paid",
        AccountRef = "acct_1",
        ReceivedAt = Now,
        Headers = new Dictionary<string, string> { ["stripe-signature"] = "t=1,v1=abc" },
        Body = Encoding.UTF8.GetBytes($$"""{"id":"{{eventId}}","type":"invoice.paid"}"""),
    };

    [Fact]
    public async Task Webhooks_Append_StoresRawBodyAndSkipsDuplicatesWithinAndAcrossBatches()
    {
        var store = Harness.Get<IWebhookEventStore>();

        var first = await store.AppendAsync([NewEvent("evt_1"), NewEvent("evt_2"), NewEvent("evt_1")], Ct);
        var second = await store.AppendAsync([NewEvent("evt_2"), NewEvent("evt_3"), NewEvent("evt_1", "github")], Ct);

        first.Select(id => id is not null).ShouldBe([true, true, false]);
        second.Select(id => id is not null).ShouldBe([false, true, true]);
        var listed = await store.ListAsync(new WebhookEventQuery(), Ct);
        listed.Count.ShouldBe(4);
        var evt1 = listed.Single(e => e.EventId == "evt_1" && e.Provider.Value == "stripe");
        Encoding.UTF8.GetString(evt1.Body).ShouldBe("""{"id":"evt_1","type":"invoice.paid"}""");
        evt1.Headers["stripe-signature"].ShouldBe("t=1,v1=abc");
        evt1.Status.ShouldBe(WebhookEventStatus.Pending);
    }

    [Fact]
    public async Task Webhooks_AppendLeased_ReturnsTheIdsAndHoldsTheEventsForTheOwnerUntilTheLeaseEnds()
    {
        var store = Harness.Get<IWebhookEventStore>();
        var until = Now + TimeSpan.FromSeconds(30);
        WebhookEventRecord Leased(string id) =>
            NewEvent(id) with { Status = WebhookEventStatus.Processing, Attempts = 1, LeaseOwner = "host:inbox", LeaseExpiresAt = until };

        var ids = await store.AppendAsync([Leased("evt_a"), Leased("evt_b"), Leased("evt_a")], Ct);

        ids[2].ShouldBeNull("a duplicate within the batch");
        var listed = await store.ListAsync(new WebhookEventQuery(), Ct);
        listed.Select(e => e.Id).Order().ShouldBe([ids[0]!.Value, ids[1]!.Value]);
        listed.ShouldAllBe(e => e.Status == WebhookEventStatus.Processing && e.LeaseOwner == "host:inbox" && e.Attempts == 1 && e.LeaseExpiresAt == until);
        (await store.LeaseAsync("other", until - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30), 10, Ct)).ShouldBeEmpty("the receiving host holds them");

        (await store.CompleteAsync([new WebhookCompletion(ids[0]!.Value, null, null)], "host:inbox", Now, Ct)).ShouldBe([true]);
        var expired = (await store.LeaseAsync("other", until, TimeSpan.FromSeconds(30), 10, Ct)).ShouldHaveSingleItem();
        expired.Id.ShouldBe(ids[1]!.Value, "the one never completed comes back when its lease ends");
        expired.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Webhooks_Release_GivesBackOnlyTheOwnersUnfinishedEventsDueAtOnceWithoutCountingTheAttempt()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("a"), NewEvent("b"), NewEvent("c"), NewEvent("d")], Ct);
        var mine = await store.LeaseAsync("host:0", Now, TimeSpan.FromMinutes(1), 2, Ct);
        var theirs = (await store.LeaseAsync("other:0", Now, TimeSpan.FromMinutes(1), 1, Ct)).Single();
        (await store.CompleteAsync(mine[0].Id, "host:0", Now, Ct)).ShouldBeTrue();

        (await store.ReleaseAsync(["host:0", "host:inbox"], Now, Ct)).ShouldBe(1);

        var neverLeased = (await store.ListAsync(new WebhookEventQuery(), Ct)).Single(e => e.EventId == "d");
        var back = await store.LeaseAsync("next", Now, TimeSpan.FromMinutes(1), 10, Ct);
        back.Select(e => e.Id).Order().ShouldBe(new[] { mine[1].Id, neverLeased.Id }.Order());
        back.ShouldAllBe(e => e.Attempts == 1, "the released attempt is not counted");
        (await store.GetAsync(theirs.Id, Ct))!.LeaseOwner.ShouldBe("other:0");
    }

    [Fact]
    public async Task Webhooks_Renew_ExtendsOnlyTheLeasesTheOwnerStillHolds()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("a"), NewEvent("b"), NewEvent("c"), NewEvent("d"), NewEvent("e")], Ct);
        var mine = await store.LeaseAsync("slow", Now, TimeSpan.FromSeconds(30), 4, Ct);
        (await store.CompleteAsync(mine[0].Id, "slow", Now, Ct)).ShouldBeTrue();
        (await store.RenewAsync([mine[3].Id], "slow", Now + TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), Ct)).ShouldBe([true]);
        var later = Now + TimeSpan.FromSeconds(31);
        var stolen = (await store.LeaseAsync("fast", later, TimeSpan.FromSeconds(30), 1, Ct)).ShouldHaveSingleItem();
        stolen.Id.ShouldBe(mine[1].Id, "its lease ran out and another worker took it");

        var renewed = await store.RenewAsync([.. mine.Select(e => e.Id)], "slow", later, TimeSpan.FromSeconds(30), Ct);

        renewed.ShouldBe([false, false, true, true], "completed, taken, ran out but taken by no one, renewed before");
        (await store.GetAsync(mine[2].Id, Ct))!.LeaseExpiresAt.ShouldBe(later + TimeSpan.FromSeconds(30));
        var taken = await store.GetAsync(stolen.Id, Ct);
        (taken!.LeaseOwner, taken.LeaseExpiresAt, taken.Attempts).ShouldBe(("fast", later + TimeSpan.FromSeconds(30), 2));
        (await store.GetAsync(mine[0].Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Completed);
        var due = await store.LeaseAsync("third", later + TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30), 10, Ct);
        due.Select(e => e.EventId).ShouldBe(["e"], customMessage: "the renewed leases still hold");
        (await store.RenewAsync([], "slow", later, TimeSpan.FromSeconds(30), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Webhooks_ConcurrentLeasers_NeverReceiveTheSameEvent()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync(Enumerable.Range(0, 50).Select(i => NewEvent("evt_" + i)).ToList(), Ct);

        var leases = await Task.WhenAll(Enumerable.Range(0, 5).Select(w => store.LeaseAsync("worker-" + w, Now, TimeSpan.FromSeconds(30), 20, Ct)));

        var ids = leases.SelectMany(l => l.Select(e => e.Id)).ToList();
        ids.Count.ShouldBe(50);
        ids.Distinct().Count().ShouldBe(50);
        leases.SelectMany(l => l).ShouldAllBe(e => e.Status == WebhookEventStatus.Processing && e.Attempts == 1);
    }

    [Fact]
    public async Task Webhooks_ExpiredLease_ComesBackToAnotherWorker()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("evt_crash")], Ct);
        var taken = (await store.LeaseAsync("crashed", Now, TimeSpan.FromSeconds(30), 10, Ct)).Single();

        (await store.LeaseAsync("other", Now + TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30), 10, Ct)).ShouldBeEmpty();
        var retaken = (await store.LeaseAsync("other", Now + TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), 10, Ct)).Single();

        retaken.Id.ShouldBe(taken.Id);
        retaken.Attempts.ShouldBe(2);
        (await store.CompleteAsync(taken.Id, "crashed", Now, Ct)).ShouldBeFalse("the crashed worker lost its lease");
        (await store.CompleteAsync(taken.Id, "other", Now, Ct)).ShouldBeTrue();
        (await store.GetAsync(taken.Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Completed);
    }

    [Fact]
    public async Task Webhooks_FailWithRetryThenDeadThenReplay_FollowsTheLifecycle()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("evt_f")], Ct);
        var e = (await store.LeaseAsync("w", Now, TimeSpan.FromSeconds(30), 1, Ct)).Single();

        (await store.FailAsync(e.Id, "w", "handler threw", Now + TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();
        (await store.LeaseAsync("w", Now, TimeSpan.FromSeconds(30), 1, Ct)).ShouldBeEmpty("not due yet");
        var again = (await store.LeaseAsync("w", Now + TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), 1, Ct)).Single();
        (await store.FailAsync(again.Id, "w", "still failing", null, Ct)).ShouldBeTrue();

        var dead = (await store.GetAsync(e.Id, Ct)).ShouldNotBeNull();
        dead.Status.ShouldBe(WebhookEventStatus.Dead);
        dead.LastError.ShouldBe("still failing");
        dead.Attempts.ShouldBe(2);
        (await store.ListAsync(new WebhookEventQuery { Statuses = [WebhookEventStatus.Dead] }, Ct)).Single().Id.ShouldBe(e.Id);

        (await store.ReplayAsync(null, Now + TimeSpan.FromMinutes(5), Ct)).ShouldBe(1);
        var replayed = (await store.LeaseAsync("w", Now + TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), 1, Ct)).Single();
        replayed.Id.ShouldBe(e.Id);
        replayed.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Webhooks_ReplayByIds_TouchesOnlyThoseAndNotCompletedOnes()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("a"), NewEvent("b"), NewEvent("c")], Ct);
        var leased = await store.LeaseAsync("w", Now, TimeSpan.FromSeconds(30), 3, Ct);
        await store.FailAsync(leased[0].Id, "w", "x", null, Ct);
        await store.FailAsync(leased[1].Id, "w", "x", null, Ct);
        await store.CompleteAsync(leased[2].Id, "w", Now, Ct);

        (await store.ReplayAsync([leased[0].Id, leased[2].Id], Now, Ct)).ShouldBe(1);

        (await store.GetAsync(leased[0].Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Pending);
        (await store.GetAsync(leased[1].Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Dead);
        (await store.GetAsync(leased[2].Id, Ct))!.Status.ShouldBe(WebhookEventStatus.Completed);
    }

    [Fact]
    public async Task Webhooks_List_FiltersByProviderTypeAndPagesNewestFirst()
    {
        var store = Harness.Get<IWebhookEventStore>();
        await store.AppendAsync([NewEvent("1"), NewEvent("2"), NewEvent("3", "github")], Ct);

        var stripe = await store.ListAsync(new WebhookEventQuery { Provider = ProviderKey.Parse("stripe") }, Ct);
        stripe.Select(e => e.EventId).ShouldBe(["2", "1"]);
        var page = await store.ListAsync(new WebhookEventQuery { Before = stripe[0].Id, Limit = 5 }, Ct);
        page.Select(e => e.EventId).ShouldBe(["1"]);
        (await store.ListAsync(new WebhookEventQuery { EventType = "nope" }, Ct)).ShouldBeEmpty();
    }
}
