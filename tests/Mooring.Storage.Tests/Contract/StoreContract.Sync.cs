using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly ConnectionId SyncConnection = ConnectionId.Parse("sync-1");

    [Fact]
    public async Task SyncLease_ConcurrentInstances_ExactlyOneHoldsIt()
    {
        var store = Harness.Get<ISyncStore>();

        var won = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.TryAcquireLeaseAsync(SyncConnection, "events", "instance-" + i, Now, TimeSpan.FromMinutes(5), Ct)));

        won.Count(w => w).ShouldBe(1);
    }

    [Fact]
    public async Task SyncLease_ExpiredOrReleased_CanBeTakenOver()
    {
        var store = Harness.Get<ISyncStore>();
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "a", Now, TimeSpan.FromMinutes(5), Ct)).ShouldBeTrue();
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "a", Now, TimeSpan.FromMinutes(5), Ct)).ShouldBeTrue("the holder may extend");
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "b", Now + TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), Ct)).ShouldBeFalse();
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "b", Now + TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), Ct)).ShouldBeTrue();

        await store.ReleaseLeaseAsync(SyncConnection, "events", "a", Ct); // not the holder: no effect
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "c", Now + TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(5), Ct)).ShouldBeFalse();
        await store.ReleaseLeaseAsync(SyncConnection, "events", "b", Ct);
        (await store.TryAcquireLeaseAsync(SyncConnection, "events", "c", Now + TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(5), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task SyncCursor_SavedOnlyByTheLeaseHolder()
    {
        var store = Harness.Get<ISyncStore>();
        await store.TryAcquireLeaseAsync(SyncConnection, "events", "a", Now, TimeSpan.FromMinutes(5), Ct);

        (await store.SaveCursorAsync(SyncConnection, "events", "intruder", "bad", true, Now, Ct)).ShouldBeFalse();
        (await store.SaveCursorAsync(SyncConnection, "events", "a", "page-2", false, Now, Ct)).ShouldBeTrue();
        (await store.SaveCursorAsync(SyncConnection, "events", "a", "sync-token-9", true, Now + TimeSpan.FromSeconds(1), Ct)).ShouldBeTrue();
        await store.SetPausedAsync(SyncConnection, "events", true, Now, Ct);

        var state = (await store.GetStateAsync(SyncConnection, "events", Ct)).ShouldNotBeNull();
        state.Cursor.ShouldBe("sync-token-9");
        state.LastSuccessAt.ShouldBe(Now + TimeSpan.FromSeconds(1));
        state.Paused.ShouldBeTrue();
        state.LeaseOwner.ShouldBe("a");
        (await store.ListStatesAsync(SyncConnection, Ct)).Single().Model.ShouldBe("events");
    }

    [Fact]
    public async Task SyncRuns_StartUpdateList_NewestFirstPerModel()
    {
        var store = Harness.Get<ISyncStore>();
        var full = await store.StartRunAsync(new SyncRunRecord { ConnectionId = SyncConnection, Model = "events", Kind = SyncRunKind.Full, StartedAt = Now }, Ct);
        await store.UpdateRunAsync(full with { Status = SyncRunStatus.Succeeded, FinishedAt = Now + TimeSpan.FromMinutes(3), Pages = 7, Added = 700, Updated = 3, Deleted = 2, Cursor = "tok" }, Ct);
        var inc = await store.StartRunAsync(new SyncRunRecord { ConnectionId = SyncConnection, Model = "events", Kind = SyncRunKind.Incremental, StartedAt = Now + TimeSpan.FromMinutes(5) }, Ct);
        await store.StartRunAsync(new SyncRunRecord { ConnectionId = SyncConnection, Model = "customers", Kind = SyncRunKind.Webhook, StartedAt = Now }, Ct);

        var runs = await store.ListRunsAsync(SyncConnection, "events", 10, Ct);

        runs.Select(r => r.Id).ShouldBe([inc.Id, full.Id]);
        runs[1].ShouldBeEquivalentTo(full with { Status = SyncRunStatus.Succeeded, FinishedAt = Now + TimeSpan.FromMinutes(3), Pages = 7, Added = 700, Updated = 3, Deleted = 2, Cursor = "tok" });
        (await store.ListRunsAsync(SyncConnection, null, 10, Ct)).Count.ShouldBe(3);
    }
}
