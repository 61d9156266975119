using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;

namespace Mooring.Server.Tests.Sync;

/// <summary><c>mooring sync list | trigger | pause | resume | runs</c> on the store the server uses.</summary>
public sealed class SyncCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TriggerPauseResumeListRuns_WorkOnTheStore()
    {
        string[] args = [.. TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }), "--Mooring:Sync:BuiltIns=true"];
        using (var host = ServerHost.BuildCommandHost(args))
        {
            await host.StartAsync(Ct);
            await host.Services.GetRequiredService<IConnectionManager>().CreateAsync(
                new CreateConnectionRequest { Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, Id = ConnectionId.Parse("stripe-cli"), ApiKey = "sk_test_cli" }, Ct);
            await host.StopAsync(Ct);
        }

        var trigger = await CliRun.RunAsync(["sync", "trigger", "stripe-cli", "stripe-customers", "--full", .. args]);
        var pause = await CliRun.RunAsync(["sync", "pause", "stripe-cli", "stripe-customers", .. args]);
        var list = await CliRun.RunAsync(["sync", "list", "stripe-cli", .. args]);
        var resume = await CliRun.RunAsync(["sync", "resume", "stripe-cli", "stripe-customers", .. args]);
        var runs = await CliRun.RunAsync(["sync", "runs", "stripe-cli", "stripe-customers", .. args]);
        var wrong = await CliRun.RunAsync(["sync", "trigger", "stripe-cli", "github-issues", .. args]);
        var force = await CliRun.RunAsync(["sync", "trigger", "stripe-cli", "stripe-customers", "--force", .. args]);

        trigger.ExitCode.ShouldBe(0, trigger.Output + trigger.Error);
        trigger.Output.ShouldContain("Requested a full sync.");
        pause.Output.ShouldContain("Paused.");
        list.Output.ShouldContain("stripe-customers: last synced never, idle, paused, full requested");
        list.Output.ShouldContain("0 records, last run none");
        resume.Output.ShouldContain("Resumed.");
        runs.Output.ShouldContain("0 run(s).");
        wrong.ExitCode.ShouldBe(1);
        wrong.Output.ShouldBeEmpty();
        wrong.Error.ShouldStartWith("mooring: ");
        wrong.Error.ShouldContain("not a sync model of stripe connections");
        force.ExitCode.ShouldBe(2);
        force.Output.ShouldBeEmpty();
        force.Error.Trim().ShouldBe("mooring: --force applies to a full sync only; add --full.");
    }
}
