using Mooring.Sandbox.Webhooks;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Engine;

/// <summary>
/// Stripe's webhooks, delivered twice and in reverse order, each start (or join) a short incremental sync of their
/// connection, which reads the provider's current state: the local records end equal to the sandbox's.
/// </summary>
public sealed class WebhookSyncTests : IAsyncLifetime
{
    private const string Secret = "whsec_sync_tests_0123456789";
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(
        o => o.Data.StripeCustomers = 120,
        settings: new() { ["Mooring:Webhooks:Providers:stripe:Secrets:0"] = Secret, ["Mooring:Webhooks:Workers"] = "0" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task DuplicateAndOutOfOrderWebhooks_OneWebhookRun_EndsEqual()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, "stripe-customers", SyncRunKind.Full);
        _host.Sandbox.Control.AdvanceData(12);
        var events = _host.Sandbox.Control.StripeEvents();
        events.Count.ShouldBeGreaterThan(1);

        foreach (var message in events.Reverse().Concat(events))
        {
            (await _host.DeliverWebhookAsync("/webhooks/stripe/stripe-1", WebhookScheme.Stripe, Secret, message)).IsSuccessStatusCode.ShouldBeTrue();
        }

        await _host.ProcessWebhooksAsync();

        (await _host.Sync.GetStatusAsync(stripe.Id, Ct)).Single(s => s.Model == "stripe-customers").Requested!.Kind.ShouldBe(SyncRunKind.Webhook);
        await _host.Get<SyncScheduler>().RunDueAsync(Ct);

        var runs = await _host.Get<ISyncStore>().ListRunsAsync(stripe.Id, "stripe-customers", 10, Ct);
        runs.Select(r => r.Kind).ShouldBe([SyncRunKind.Webhook, SyncRunKind.Full], "every event joined one pending request");
        runs[0].Status.ShouldBe(SyncRunStatus.Succeeded);
        var remote = await SandboxTruth.StripeAsync(_host.Sandbox);
        var local = await _host.LocalAsync(stripe, "stripe-customers");
        local.ShouldBe(remote, ignoreOrder: true);
    }
}
