using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Engine;

/// <summary>The scheduler on a fake clock: first full run, incremental every 15 minutes, weekly full, pause, requests, leases.</summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private const string Model = "stripe-customers";
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o => o.Data.StripeCustomers = 150);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private SyncScheduler Scheduler => _host.Get<SyncScheduler>();

    [Fact]
    public async Task Schedules_FirstFullThenIncrementalEvery15MinutesThenWeeklyFull()
    {
        var stripe = await _host.StripeAsync();

        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe)).ShouldBe([SyncRunKind.Full]);

        await Scheduler.RunDueAsync(Ct);
        _host.Time.Advance(TimeSpan.FromMinutes(14));
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe)).Count.ShouldBe(1, "nothing is due before the next quarter hour");

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe)).ShouldBe([SyncRunKind.Incremental, SyncRunKind.Full]);

        _host.Time.Advance(TimeSpan.FromHours(15)); // Sunday 03:00 UTC has passed
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe))[0].ShouldBe(SyncRunKind.Full);
    }

    [Fact]
    public async Task Pause_StopsScheduledRuns_ResumeAndManualRequestsRun()
    {
        var stripe = await _host.StripeAsync();
        await Scheduler.RunDueAsync(Ct);

        await _host.Sync.PauseAsync(stripe.Id, Model, Ct);
        _host.Time.Advance(TimeSpan.FromHours(1));
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe)).Count.ShouldBe(1);

        await _host.Sync.RequestAsync(stripe.Id, Model, new SyncRunRequest(SyncRunKind.Full), Ct);
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe)).ShouldBe([SyncRunKind.Full, SyncRunKind.Full]);
        (await _host.Sync.GetStatusAsync(stripe.Id, Ct)).Single(s => s.Model == Model).Requested.ShouldBeNull();

        await _host.Sync.ResumeAsync(stripe.Id, Model, Ct);
        _host.Time.Advance(TimeSpan.FromMinutes(15));
        await Scheduler.RunDueAsync(Ct);
        (await KindsAsync(stripe))[0].ShouldBe(SyncRunKind.Incremental);
    }

    [Fact]
    public async Task Lease_HeldByAnotherInstance_NoRunUntilItExpires()
    {
        var stripe = await _host.StripeAsync();
        var store = _host.Get<ISyncStore>();
        (await store.TryAcquireLeaseAsync(stripe.Id, Model, "other-instance", _host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), Ct)).ShouldBeTrue();

        var direct = await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        await Scheduler.RunDueAsync(Ct);
        (await _host.Sync.GetStatusAsync(stripe.Id, Ct)).Single(s => s.Model == Model).InProgress.ShouldBeTrue();

        _host.Time.Advance(TimeSpan.FromMinutes(5)); // the other instance died: its lease runs out
        await Scheduler.RunDueAsync(Ct);

        direct.ShouldBeNull();
        (await KindsAsync(stripe)).ShouldBe([SyncRunKind.Full]);
        (await _host.Get<ISyncRecordStore>().CountAsync(stripe.Id, Model, Ct)).ShouldBe(150);
    }

    [Fact]
    public async Task FailedRun_BacksOffInsteadOfRetryingEveryPoll()
    {
        var stripe = await _host.StripeAsync();
        _host.Sandbox.Control.AddFault(new Sandbox.Faults.FaultRule { Provider = "stripe", Endpoint = "customers.list", StatusCode = 503, MaxHits = 2 });

        await Scheduler.RunDueAsync(Ct);
        await Scheduler.RunDueAsync(Ct);
        (await StatusesAsync(stripe)).ShouldBe([SyncRunStatus.Failed]);

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Scheduler.RunDueAsync(Ct);
        (await StatusesAsync(stripe)).ShouldBe([SyncRunStatus.Failed, SyncRunStatus.Failed]);

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Scheduler.RunDueAsync(Ct);
        (await StatusesAsync(stripe)).Count.ShouldBe(2, "the second failure doubled the delay");

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Scheduler.RunDueAsync(Ct);
        (await StatusesAsync(stripe))[0].ShouldBe(SyncRunStatus.Succeeded);
    }

    private async Task<List<SyncRunKind>> KindsAsync(Connections.Connection c) =>
        [.. (await _host.Get<ISyncStore>().ListRunsAsync(c.Id, Model, 100, Ct)).Select(r => r.Kind)];

    private async Task<List<SyncRunStatus>> StatusesAsync(Connections.Connection c) =>
        [.. (await _host.Get<ISyncStore>().ListRunsAsync(c.Id, Model, 100, Ct)).Select(r => r.Status)];
}
