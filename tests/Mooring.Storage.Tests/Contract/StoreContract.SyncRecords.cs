using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private const string Customers = "stripe-customers";
    private const string Owner = "run-a";

    [Fact]
    public async Task SyncRecords_ApplyPage_CountsAddedUpdatedUnchangedAndRewritesOnlyChanges()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);

        var first = await records.ApplyAsync(Batch([Write("a", "1"), Write("b", "1"), Write("c", "1")], cursor: "p1"), Ct);
        var second = await records.ApplyAsync(Batch([Write("a", "1"), Write("b", "2"), Write("d", "1")], cursor: "p2"), Ct);

        first.ShouldBe(new SyncBatchResult(3, 0, 0, 0));
        second.ShouldBe(new SyncBatchResult(1, 1, 1, 0));
        var changes = await records.ReadChangesAsync(SyncConnection, Customers, 0, 100, Ct);
        changes.Select(r => (r.RemoteId, r.ChangeSequence)).ShouldBe([("a", 1), ("c", 3), ("b", 4), ("d", 5)]);
        changes.Single(r => r.RemoteId == "b").Data.ShouldBe("""{"v":"2"}""");
        (await Harness.Get<ISyncStore>().GetStateAsync(SyncConnection, Customers, Ct))!.Cursor.ShouldBe("p2");
        (await records.CountAsync(SyncConnection, Customers, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task SyncRecords_DeletionAndReturn_AppearInTheChangeFeed()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);
        await records.ApplyAsync(Batch([Write("a", "1"), Write("b", "1")]), Ct);

        var deleted = await records.ApplyAsync(Batch([Delete("a"), Delete("never-seen")]), Ct);
        var back = await records.ApplyAsync(Batch([Write("a", "1")]), Ct);

        deleted.ShouldBe(new SyncBatchResult(0, 0, 1, 1));
        back.ShouldBe(new SyncBatchResult(1, 0, 0, 0));
        var after2 = await records.ReadChangesAsync(SyncConnection, Customers, 2, 100, Ct);
        after2.Select(r => (r.RemoteId, r.ChangeSequence, r.Deleted)).ShouldBe([("a", 4, false)]);
        (await records.GetAsync(SyncConnection, Customers, "never-seen", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SyncRecords_SamePageTwice_LaterWriteOfAnIdWins()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);

        var result = await records.ApplyAsync(Batch([Write("a", "1"), Write("a", "2")]), Ct);

        result.ShouldBe(new SyncBatchResult(1, 0, 0, 0));
        (await records.GetAsync(SyncConnection, Customers, "a", Ct))!.Data.ShouldBe("""{"v":"2"}""");
    }

    [Fact]
    public async Task SyncRecords_WriterWithoutTheLease_WritesNothing()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);
        await records.ApplyAsync(Batch([Write("a", "1")], cursor: "mine"), Ct);

        await Should.ThrowAsync<SyncLeaseLostException>(() => records.ApplyAsync(Batch([Write("b", "1"), Write("a", "2")], owner: "intruder", cursor: "theirs"), Ct));

        (await records.GetAsync(SyncConnection, Customers, "b", Ct)).ShouldBeNull();
        (await records.GetAsync(SyncConnection, Customers, "a", Ct))!.Data.ShouldBe("""{"v":"1"}""");
        (await Harness.Get<ISyncStore>().GetStateAsync(SyncConnection, Customers, Ct))!.Cursor.ShouldBe("mine");
    }

    [Fact]
    public async Task SyncRecords_Sweep_DeletesOnlyWhatTheCompletePassDidNotSee()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);
        await records.ApplyAsync(Batch([.. Enumerable.Range(0, 10).Select(i => Write("r" + i, "1"))], seenRun: 1), Ct);
        await records.ApplyAsync(Batch([.. Enumerable.Range(0, 9).Select(i => Write("r" + i, i == 0 ? "2" : "1"))], seenRun: 2), Ct);

        var result = await records.SweepAsync(Sweep(2, 0.2, "feed-7"), Ct);

        result.ShouldBe(new SyncSweepResult(1, 10, 1, false));
        var feed = await records.ReadChangesAsync(SyncConnection, Customers, 10, 100, Ct);
        feed.Select(r => (r.RemoteId, r.Deleted)).ShouldBe([("r0", false), ("r9", true)]);
        (await records.CountAsync(SyncConnection, Customers, Ct)).ShouldBe(9);
        (await Harness.Get<ISyncStore>().GetStateAsync(SyncConnection, Customers, Ct))!.Cursor.ShouldBe("feed-7");
    }

    [Fact]
    public async Task SyncRecords_SweepBeyondTheGuard_RefusesUnlessForced()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);
        await records.ApplyAsync(Batch([.. Enumerable.Range(0, 10).Select(i => Write("r" + i, "1"))], seenRun: 1), Ct);
        await records.ApplyAsync(Batch([Write("r0", "1"), Write("r1", "1")], seenRun: 2), Ct);

        var guarded = await records.SweepAsync(Sweep(2, 0.2, "c"), Ct);
        var forced = await records.SweepAsync(Sweep(2, null, "c"), Ct);

        guarded.ShouldBe(new SyncSweepResult(8, 10, 0, true));
        forced.ShouldBe(new SyncSweepResult(8, 10, 8, false));
        (await records.CountAsync(SyncConnection, Customers, Ct)).ShouldBe(2);
        var feed = await records.ReadChangesAsync(SyncConnection, Customers, 10, 100, Ct);
        feed.Select(r => r.ChangeSequence).ShouldBe([11L, 12, 13, 14, 15, 16, 17, 18]);
    }

    [Fact]
    public async Task SyncRecords_ChangeFeed_PagesWithoutGapsOrRepeats()
    {
        var records = Harness.Get<ISyncRecordStore>();
        await LeaseAsync(Owner);
        for (var page = 0; page < 5; page++)
        {
            await records.ApplyAsync(Batch([.. Enumerable.Range(0, 20).Select(i => Write($"r{(page * 7) + i}", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))]), Ct);
        }

        var seen = new List<long>();
        long cursor = 0;
        while (await records.ReadChangesAsync(SyncConnection, Customers, cursor, 13, Ct) is { Count: > 0 } page)
        {
            seen.AddRange(page.Select(r => r.ChangeSequence));
            cursor = page[^1].ChangeSequence;
        }

        seen.ShouldBe([.. seen.Order()]);
        seen.Distinct().Count().ShouldBe(seen.Count);
        seen.Count.ShouldBe(48); // 48 distinct ids (0..47), each once at its latest change
        (await Harness.Get<ISyncStore>().GetStateAsync(SyncConnection, Customers, Ct))!.ChangeSequence.ShouldBe(100);
    }

    [Fact]
    public async Task SyncRecords_DeleteConnection_RemovesItsRecordsStatesAndRuns_Only()
    {
        var records = Harness.Get<ISyncRecordStore>();
        var store = Harness.Get<ISyncStore>();
        var other = ConnectionId.Parse("sync-2");
        await LeaseAsync(Owner);
        await records.ApplyAsync(Batch([Write("a", "1"), Write("b", "1")]), Ct);
        await store.StartRunAsync(new SyncRunRecord { ConnectionId = SyncConnection, Model = Customers, Kind = SyncRunKind.Full, StartedAt = Now }, Ct);
        await store.TryAcquireLeaseAsync(other, Customers, Owner, Now, TimeSpan.FromMinutes(5), Ct);
        await records.ApplyAsync(Batch([Write("c", "1")]) with { ConnectionId = other }, Ct);

        var deleted = await records.DeleteConnectionAsync(SyncConnection, Ct);

        deleted.ShouldBe(2);
        (await records.CountAsync(SyncConnection, Customers, Ct)).ShouldBe(0);
        (await store.GetStateAsync(SyncConnection, Customers, Ct)).ShouldBeNull();
        (await store.ListRunsAsync(SyncConnection, null, 10, Ct)).ShouldBeEmpty();
        (await records.CountAsync(other, Customers, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task SyncRequest_SurvivesUntilTheRunClearsIt()
    {
        var store = Harness.Get<ISyncStore>();
        await store.RequestRunAsync(SyncConnection, Customers, new SyncRunRequest(SyncRunKind.Full, Force: true), Now, Ct);
        (await store.GetStateAsync(SyncConnection, Customers, Ct))!.Requested.ShouldBe(new SyncRunRequest(SyncRunKind.Full, true));

        await LeaseAsync(Owner);
        await store.ClearRequestAsync(SyncConnection, Customers, Owner, Ct);

        (await store.GetStateAsync(SyncConnection, Customers, Ct))!.Requested.ShouldBeNull();
    }

    private Task LeaseAsync(string owner) =>
        Harness.Get<ISyncStore>().TryAcquireLeaseAsync(SyncConnection, Customers, owner, Now, TimeSpan.FromMinutes(5), Ct);

    private SyncRecordBatch Batch(IReadOnlyList<SyncRecordWrite> records, long? seenRun = null, string owner = Owner, string? cursor = null) => new()
    {
        ConnectionId = SyncConnection,
        Model = Customers,
        LeaseOwner = owner,
        Records = records,
        SeenRun = seenRun,
        Cursor = cursor,
        Now = Now,
        LeaseUntil = Now + TimeSpan.FromMinutes(5),
    };

    private SyncSweep Sweep(long run, double? share, string cursor) => new()
    {
        ConnectionId = SyncConnection,
        Model = Customers,
        LeaseOwner = Owner,
        SeenRun = run,
        MaxDeleteShare = share,
        Cursor = cursor,
        Now = Now,
    };

    private static SyncRecordWrite Write(string id, string version) => new(id, $$"""{"v":"{{version}}"}""", "h" + version, null, false);

    private static SyncRecordWrite Delete(string id) => new(id, string.Empty, string.Empty, null, true);
}
