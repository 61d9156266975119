using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Server.Tests.Webhooks;

namespace Mooring.Server.Tests.Sync;

/// <summary><c>mooring sync list | trigger | pause | resume | runs</c> on the store the server uses.</summary>
public sealed class SyncCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TriggerPauseResumeListRuns_WorkOnTheStore()
    {
        var args = await SeedAsync();

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

    [Fact]
    public async Task ListTriggerPauseResumeRuns_Refused_SayWhatTheApiSaysNamingTheField_ExitTwoForA400AndOneForA404()
    {
        var args = await SeedAsync();
        await using var api = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", "--Mooring:Sync:SchedulerEnabled=false", .. args]);
        var cases = new (string Field, string[] Command, HttpMethod Method, string Path, int Status)[]
        {
            ("connection:", ["list", "Not An Id"], HttpMethod.Get, "?connection=Not%20An%20Id", 400),
            ("connection:", ["trigger", "Not An Id", "stripe-customers"], HttpMethod.Post, "/Not%20An%20Id/stripe-customers/trigger", 400),
            ("connection:", ["pause", "Not An Id", "stripe-customers"], HttpMethod.Post, "/Not%20An%20Id/stripe-customers/pause", 400),
            ("connection:", ["runs", "Not An Id", "stripe-customers"], HttpMethod.Get, "/Not%20An%20Id/stripe-customers/runs", 400),
            ("limit: 0", ["runs", "stripe-cli", "stripe-customers", "--limit", "0"], HttpMethod.Get, "/stripe-cli/stripe-customers/runs?limit=0", 400),
            ("limit: 1001", ["runs", "stripe-cli", "stripe-customers", "--limit", "1001"], HttpMethod.Get, "/stripe-cli/stripe-customers/runs?limit=1001", 400),
            ("There is no connection 'nobody'", ["list", "nobody"], HttpMethod.Get, "?connection=nobody", 404),
            ("There is no connection 'nobody'", ["trigger", "nobody", "stripe-customers"], HttpMethod.Post, "/nobody/stripe-customers/trigger", 404),
            ("model: 'no-such-model'", ["pause", "stripe-cli", "no-such-model"], HttpMethod.Post, "/stripe-cli/no-such-model/pause", 404),
            ("model: 'no-such-model'", ["resume", "stripe-cli", "no-such-model"], HttpMethod.Post, "/stripe-cli/no-such-model/resume", 404),
            ("model: 'no-such-model'", ["runs", "stripe-cli", "no-such-model"], HttpMethod.Get, "/stripe-cli/no-such-model/runs", 404),
            ("model: 'github-issues' is not a sync model of stripe connections", ["runs", "stripe-cli", "github-issues"], HttpMethod.Get, "/stripe-cli/github-issues/runs", 404),
            ("There is no connection 'nobody'", ["runs", "nobody", "stripe-customers"], HttpMethod.Get, "/nobody/stripe-customers/runs", 404),
        };

        foreach (var (field, command, method, path, status) in cases)
        {
            var cli = await ApiParity.ShouldRefuseAsTheApiDoesAsync(api.Http, ["sync", .. command, .. args], new HttpRequestMessage(method, "/api/syncs" + path), status, field);
            cli.Output.ShouldBeEmpty(field);
        }
    }

    /// <summary>A stripe connection <c>stripe-cli</c> in a new store, and the arguments that reach it with the built-in models.</summary>
    private static async Task<string[]> SeedAsync()
    {
        string[] args = [.. TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }), "--Mooring:Sync:BuiltIns=true"];
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        await host.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, Id = ConnectionId.Parse("stripe-cli"), ApiKey = "sk_test_cli" }, Ct);
        await host.StopAsync(Ct);
        return args;
    }
}
