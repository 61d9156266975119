using Mooring.Sandbox.Faults;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Providers;

/// <summary>Stripe customers against the sandbox's moving data: full, incremental from /v1/events, deletions, faults; on SQLite and PostgreSQL.</summary>
public abstract class StripeSyncTests : IAsyncLifetime
{
    private const string Model = "stripe-customers";
    private SyncHost _host = null!;

    protected abstract bool Postgres { get; }

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o => o.Data.StripeCustomers = 1_234, Postgres);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FullSync_CopiesEveryCustomer()
    {
        var stripe = await _host.StripeAsync();

        var run = await _host.RunAsync(stripe, Model, SyncRunKind.Full);

        run.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        run.Added.ShouldBe(1_234);
        run.Pages.ShouldBe(13);
        await ShouldEqualSandboxAsync(stripe);
    }

    [Fact]
    public async Task IncrementalSync_AfterCreatesUpdatesAndDeletes_EndsEqual_AndReadsOnlyTheChanges()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, Model, SyncRunKind.Full);

        for (var round = 0; round < 3; round++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(1));
            _host.Sandbox.Control.AdvanceData(40);
            var run = await _host.RunAsync(stripe, Model);

            run.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
            run.Status.ShouldBe(SyncRunStatus.Succeeded);
            run.Pages.ShouldBe(1);
            (run.Added + run.Updated + run.Deleted).ShouldBeGreaterThan(0);
            await ShouldEqualSandboxAsync(stripe);
        }
    }

    [Fact]
    public async Task ChangesDuringTheBackfill_AreCaughtByTheFollowingIncrementalSync()
    {
        var stripe = await _host.StripeAsync();
        _host.Sandbox.Control.AddFault(new FaultRule { Provider = "stripe", Endpoint = "customers.list", StatusCode = 503, SkipFirst = 5, MaxHits = 1 });

        var failed = await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        _host.Sandbox.Control.AdvanceData(30); // new customers land at the top, which the resumed pass (going down) never reads
        var resumed = await _host.RunAsync(stripe, Model);
        var caughtUp = await _host.RunAsync(stripe, Model);

        failed.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        failed.Pages.ShouldBe(5);
        resumed.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        resumed.Status.ShouldBe(SyncRunStatus.Succeeded);
        resumed.Pages.ShouldBe(8, "the pass resumes after the 5 committed pages");
        caughtUp.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        await ShouldEqualSandboxAsync(stripe);
    }

    [Fact]
    public async Task CrashAfterTheLastPage_ResumesStraightToTheSweep()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        var store = _host.Get<ISyncStore>();
        var ct = TestContext.Current.CancellationToken;
        await store.TryAcquireLeaseAsync(stripe.Id, Model, "crashed", _host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), ct);
        var listed = SyncCheckpoint.Full(run: 999_999, page: null, feed: string.Empty) with { Listed = true }; // a pass that read every page and saw none of the stored records
        await store.SaveCursorAsync(stripe.Id, Model, "crashed", listed.Serialize(), false, _host.Time.GetUtcNow(), ct);
        await store.ReleaseLeaseAsync(stripe.Id, Model, "crashed", ct);

        var resumed = await _host.RunAsync(stripe, Model);

        resumed.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        resumed.Pages.ShouldBe(0, "no page is read again");
        resumed.Error.ShouldNotBeNull().ShouldContain("Deletion guard");
        (await _host.LocalAsync(stripe, Model)).Count.ShouldBe(1_234);
    }

    [Fact]
    public async Task FailedPass_DeletesNothing()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        var before = await _host.LocalAsync(stripe, Model);
        _host.Sandbox.Control.AddFault(new FaultRule { Provider = "stripe", Endpoint = "customers.list", StatusCode = 500, SkipFirst = 2 });

        var run = await _host.RunAsync(stripe, Model, SyncRunKind.Full);

        run.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        run.Deleted.ShouldBe(0);
        (await _host.LocalAsync(stripe, Model)).Keys.ShouldBe(before.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task FullPass_MissingMoreThanTheGuardAllows_DeletesNothingUntilForced()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        foreach (var id in (await _host.LocalAsync(stripe, Model)).Keys.Take(400))
        {
            await DeleteCustomerAsync(id);
        }

        var guarded = await _host.RunAsync(stripe, Model, SyncRunKind.Full);
        var local = await _host.LocalAsync(stripe, Model);
        var forced = await _host.RunAsync(stripe, Model, SyncRunKind.Full, force: true);

        guarded.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        guarded.Error.ShouldNotBeNull().ShouldContain("Deletion guard");
        local.Count.ShouldBe(1_234);
        forced.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        forced.Deleted.ShouldBe(400);
        await ShouldEqualSandboxAsync(stripe);
    }

    [Fact]
    public async Task RevokedKey_StopsTheRunAndMarksTheConnection()
    {
        var stripe = await _host.Get<Connections.IConnectionManager>().CreateAsync(
            new Connections.CreateConnectionRequest { Provider = Connections.ProviderKey.Parse("stripe"), AuthMode = Connections.AuthMode.ApiKey, ApiKey = "sk_test_revoked" },
            TestContext.Current.CancellationToken);

        var run = await _host.RunAsync(stripe, Model, SyncRunKind.Full);

        run.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("reconnect");
        (await _host.Get<Connections.IConnectionManager>().GetAsync(stripe.Id, TestContext.Current.CancellationToken))!.Status.ShouldBe(Connections.ConnectionStatus.NeedsReconnect);
    }

    private async Task DeleteCustomerAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = _host.Sandbox.AddressOf("stripe") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _host.Sandbox.Control.Options.StripeApiKey);
        (await http.DeleteAsync($"v1/customers/{id}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    private async Task ShouldEqualSandboxAsync(Connections.Connection stripe)
    {
        var remote = await SandboxTruth.StripeAsync(_host.Sandbox);
        var local = await _host.LocalAsync(stripe, Model);
        local.Keys.Order(StringComparer.Ordinal).ShouldBe(remote.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, json) in remote)
        {
            local[id].ShouldBe(json, $"customer {id}");
        }
    }
}

public sealed class SqliteStripeSyncTests : StripeSyncTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresStripeSyncTests : StripeSyncTests
{
    protected override bool Postgres => true;
}
