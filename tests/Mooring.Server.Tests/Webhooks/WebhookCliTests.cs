using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Storage;

namespace Mooring.Server.Tests.Webhooks;

/// <summary><c>mooring webhooks list | show | replay | deliveries replay</c>, and start-up checks of the webhook settings.</summary>
public sealed class WebhookCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListShowReplay_WorkOnTheStoreTheServerUses()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var (deadId, _, _) = await SeedAsync(args);

        var list = await CliRun.RunAsync(["webhooks", "list", "--status", "dead", .. args]);
        var show = await CliRun.RunAsync(["webhooks", "show", Id(deadId), .. args]);
        var nothing = await CliRun.RunAsync(["webhooks", "replay", .. args]);
        var one = await CliRun.RunAsync(["webhooks", "replay", "--id", "999999", .. args]);
        var replay = await CliRun.RunAsync(["webhooks", "replay", "--all", .. args]);
        var after = await CliRun.RunAsync(["webhooks", "list", "--status", "pending", .. args]);

        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldContain("evt_dead");
        list.Output.ShouldNotContain("evt_ok");
        show.Output.ShouldContain("handler exploded");
        show.Output.ShouldContain("""{"id":"evt_dead"}""");
        nothing.ExitCode.ShouldBe(2, nothing.Output + nothing.Error);
        nothing.Output.ShouldBeEmpty();
        nothing.Error.Trim().ShouldBe("mooring: Name the events to replay with --id, or pass --all.");
        one.ExitCode.ShouldBe(1, one.Output + one.Error);
        one.Error.Trim().ShouldBe("mooring: There is no webhook event 999999.");
        one.Output.ShouldContain("Replayed 0 event(s).");
        replay.Output.ShouldContain("Replayed 1 event(s).");
        after.Output.ShouldContain("evt_dead");
    }

    [Fact]
    public async Task Replay_EventNotFailedOrDead_ExitsOneNamingTheIdAndWhy_AndReplaysTheOthers()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var (deadId, okId, _) = await SeedAsync(args);

        var run = await CliRun.RunAsync(["webhooks", "replay", "--id", Id(okId), "--id", Id(deadId), .. args]);

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Error.Trim().ShouldBe($"mooring: Event {okId} is completed; only failed or dead events can be replayed.");
        run.Output.Trim().ShouldBe("Replayed 1 event(s).");
    }

    [Fact]
    public async Task ShowAndList_PrintTheAttemptLogAndPageWithBefore()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var (deadId, okId, deliveryId) = await SeedAsync(args);

        var show = await CliRun.RunAsync(["webhooks", "show", Id(okId), .. args]);
        var first = await CliRun.RunAsync(["webhooks", "list", "--limit", "1", .. args]);
        var next = await CliRun.RunAsync(["webhooks", "list", "--before", Id(okId), .. args]);

        show.ExitCode.ShouldBe(0, show.Error);
        show.Output.ShouldContain($"delivery {deliveryId} to http://app.test/hooks: dead after 1 attempt(s)");
        show.Output.ShouldContain("  attempt 1 at ");
        show.Output.ShouldContain("HTTP 503 in 12.5 ms app said no");
        first.Output.ShouldContain("evt_ok");
        first.Output.ShouldNotContain("evt_dead");
        first.Output.ShouldContain($"--before {okId}");
        next.ExitCode.ShouldBe(0, next.Error);
        next.Output.ShouldContain("evt_dead");
        next.Output.ShouldNotContain("evt_ok");
        deadId.ShouldBeLessThan(okId);
    }

    [Fact]
    public async Task DeliveriesReplay_PutsDeadDeliveriesBack_AndNamesIdsItCannot()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var (_, _, deliveryId) = await SeedAsync(args);

        var nothing = await CliRun.RunAsync(["webhooks", "deliveries", "replay", .. args]);
        var missing = await CliRun.RunAsync(["webhooks", "deliveries", "replay", "--id", "999999", .. args]);
        var one = await CliRun.RunAsync(["webhooks", "deliveries", "replay", "--id", Id(deliveryId), .. args]);
        var all = await CliRun.RunAsync(["webhooks", "deliveries", "replay", "--all", .. args]);

        nothing.ExitCode.ShouldBe(2, nothing.Output + nothing.Error);
        nothing.Error.Trim().ShouldBe("mooring: Name the deliveries to replay with --id, or pass --all.");
        missing.ExitCode.ShouldBe(1, missing.Output + missing.Error);
        missing.Output.Trim().ShouldBe("Replayed 0 delivery(ies).");
        missing.Error.Trim().ShouldBe("mooring: 1 of the named deliveries do not exist or are not failed or dead.");
        one.ExitCode.ShouldBe(0, one.Output + one.Error);
        one.Output.ShouldContain("Replayed 1 delivery(ies).");
        all.Output.ShouldContain("Replayed 0 delivery(ies).");
    }

    [Fact]
    public async Task ListShowReplay_Refused_SayWhatTheApiSaysNamingTheField_ExitTwoForA400AndOneForA404Or409()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var (_, okId, _) = await SeedAsync(args);
        await using var api = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", .. args]);
        var cases = new (string Field, string[] Command, HttpMethod Method, string Path, int Status)[]
        {
            ("provider:", ["list", "--provider", "Not A Key"], HttpMethod.Get, "events?provider=Not%20A%20Key", 400),
            ("status: 'bogus'", ["list", "--status", "dead,bogus"], HttpMethod.Get, "events?status=dead,bogus", 400),
            ("limit: 0", ["list", "--limit", "0"], HttpMethod.Get, "events?limit=0", 400),
            ("limit: 1001", ["list", "--limit", "1001"], HttpMethod.Get, "events?limit=1001", 400),
            ("There is no webhook event", ["show", "999999"], HttpMethod.Get, "events/999999", 404),
            ("There is no webhook event", ["replay", "--id", "999999"], HttpMethod.Post, "events/999999/replay", 404),
            ("only failed or dead", ["replay", "--id", Id(okId)], HttpMethod.Post, $"events/{Id(okId)}/replay", 409),
        };

        foreach (var (field, command, method, path, status) in cases)
        {
            await ApiParity.ShouldRefuseAsTheApiDoesAsync(api.Http, ["webhooks", .. command, .. args], new HttpRequestMessage(method, "/api/webhooks/" + path), status, field);
        }
    }

    [Theory]
    [InlineData("--Mooring:Webhooks:Providers:stripe:Secrets:0=", "Mooring:Webhooks:Providers:stripe:Secrets:0 is empty")]
    [InlineData("--Mooring:Webhooks:Providers:nosuch:Secrets:0=whatever-secret", "Mooring:Webhooks:Providers:nosuch")]
    [InlineData("--Mooring:Webhooks:Providers:google-mail:Secrets:0=whatever-secret", "GooglePubSubOidc")]
    [InlineData("--Mooring:Webhooks:Forwarding:Url=ftp://app", "Mooring:Webhooks:Forwarding:Url")]
    [InlineData("--Mooring:Webhooks:MaxBodyBytes=0", "Mooring:Webhooks:MaxBodyBytes")]
    public async Task Serve_BadWebhookSetting_FailsNamingItWithoutTheSecret(string setting, string expected)
    {
        var run = await CliRun.RunAsync(["serve", "--sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", setting]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(expected);
        run.Error.ShouldNotContain("whatever-secret");
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Two events: one dead, one completed whose forwarding delivery was given up after one attempt (HTTP 503).</summary>
    private static async Task<(long DeadId, long OkId, long DeliveryId)> SeedAsync(string[] args)
    {
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        var store = host.Services.GetRequiredService<IWebhookEventStore>();
        var deliveries = host.Services.GetRequiredService<IWebhookDeliveryStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        WebhookEventRecord Event(string id) => new() { Provider = ProviderKey.Parse("stripe"), EventId = id, ReceivedAt = now, Body = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}""") };
        await store.AppendAsync([Event("evt_dead"), Event("evt_ok")], Ct);
        var leased = await store.LeaseAsync("test", now, TimeSpan.FromMinutes(1), 10, Ct);
        var dead = leased.Single(e => e.EventId == "evt_dead");
        var ok = leased.Single(e => e.EventId == "evt_ok");
        await store.FailAsync(dead.Id, "test", "InvalidOperationException: handler exploded", null, Ct);
        var delivery = new WebhookDeliveryRecord { WebhookEventId = ok.Id, Target = "http://app.test/hooks", MessageId = "msg_ok", CreatedAt = now };
        await store.CompleteAsync([new WebhookCompletion(ok.Id, null, (tx, ct) => deliveries.EnqueueAsync(tx, delivery, ct))], "test", now, Ct);
        var sent = (await deliveries.LeaseAsync("sender", now, TimeSpan.FromMinutes(1), 10, Ct)).Single();
        var attempt = new WebhookDeliveryAttempt { DeliveryId = sent.Id, Attempt = 1, At = now, StatusCode = 503, DurationMs = 12.5, Error = "app said no" };
        await deliveries.RecordAttemptAsync(sent.Id, "sender", attempt, delivered: false, retryAt: null, Ct);
        await host.StopAsync(Ct);
        return (dead.Id, ok.Id, sent.Id);
    }
}
