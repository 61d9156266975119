using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Storage;

namespace Mooring.Server.Tests.Webhooks;

/// <summary><c>mooring webhooks list | show | replay</c>, and start-up checks of the webhook settings.</summary>
public sealed class WebhookCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListShowReplay_WorkOnTheStoreTheServerUses()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        var deadId = await SeedAsync(args);

        var list = await CliRun.RunAsync(["webhooks", "list", "--status", "dead", .. args]);
        var show = await CliRun.RunAsync(["webhooks", "show", deadId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args]);
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
        one.Output.ShouldContain("Replayed 0 event(s).");
        replay.Output.ShouldContain("Replayed 1 event(s).");
        after.Output.ShouldContain("evt_dead");
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

    private static async Task<long> SeedAsync(string[] args)
    {
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        var store = host.Services.GetRequiredService<IWebhookEventStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        WebhookEventRecord Event(string id) => new() { Provider = ProviderKey.Parse("stripe"), EventId = id, ReceivedAt = now, Body = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}""") };
        await store.AppendAsync([Event("evt_dead"), Event("evt_ok")], Ct);
        var leased = await store.LeaseAsync("test", now, TimeSpan.FromMinutes(1), 10, Ct);
        var dead = leased.Single(e => e.EventId == "evt_dead");
        await store.FailAsync(dead.Id, "test", "InvalidOperationException: handler exploded", null, Ct);
        await store.CompleteAsync([new WebhookCompletion(leased.Single(e => e.EventId == "evt_ok").Id)], "test", now, Ct);
        await host.StopAsync(Ct);
        return dead.Id;
    }
}
