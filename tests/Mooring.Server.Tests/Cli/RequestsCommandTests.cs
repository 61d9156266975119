using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Server.Tests.Webhooks;
using Mooring.Storage;

namespace Mooring.Server.Tests.Cli;

/// <summary><c>mooring requests list</c> on the store the server uses: the request log as a table, with the checks and words of <c>GET /api/requests</c>.</summary>
public sealed class RequestsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_PrintsEachAttemptNewestFirst_AndFilters()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        await SeedAsync(args);

        var all = await CliRun.RunAsync(["requests", "list", .. args]);
        var errors = await CliRun.RunAsync(["requests", "list", "--errors", .. args]);
        var limited = await CliRun.RunAsync(["requests", "list", "--category", "rate_limited", "--connection", "slack-1", .. args]);
        var github = await CliRun.RunAsync(["requests", "list", "--provider", "github", "--since", "2026-11-28T11:00:00Z", .. args]);

        all.ExitCode.ShouldBe(0, all.Error);
        all.Error.ShouldBeEmpty();
        var rows = Rows(all.Output);
        rows.Select(r => r[5]).ShouldBe(["/repos/{owner}/{repo}/issues", "chat.postMessage", "chat.postMessage"]);
        rows[0][1..].ShouldBe(["2026-11-28 12:00:00Z", "github", "github-1", "GET", "/repos/{owner}/{repo}/issues", "-", "30000", "1", "network"]);
        rows[1][1..].ShouldBe(["2026-11-28 11:30:00Z", "slack", "slack-1", "POST", "chat.postMessage", "429", "12.5", "2", "rate_limited"]);
        rows[2][^1].ShouldBeEmpty();
        all.Output.ShouldContain("3 attempt(s).");
        all.Output.ShouldNotContain("More may follow");
        Rows(errors.Output).Select(r => r[^1]).ShouldBe(["network", "rate_limited"]);
        Rows(limited.Output).ShouldHaveSingleItem()[^1].ShouldBe("rate_limited");
        Rows(github.Output).ShouldHaveSingleItem()[2].ShouldBe("github");
    }

    [Fact]
    public async Task List_FullPage_PrintsTheBeforeOfTheNextPage()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        await SeedAsync(args);

        var first = await CliRun.RunAsync(["requests", "list", "--limit", "2", .. args]);
        var last = Rows(first.Output)[^1][0];
        var next = await CliRun.RunAsync(["requests", "list", "--limit", "2", "--before", last, .. args]);

        first.Output.ShouldContain($"More may follow: --before {last}");
        var rest = Rows(next.Output).ShouldHaveSingleItem();
        long.Parse(rest[0], CultureInfo.InvariantCulture).ShouldBeLessThan(long.Parse(last, CultureInfo.InvariantCulture));
        rest[^1].ShouldBeEmpty();
        next.Output.ShouldNotContain("More may follow");
    }

    [Fact]
    public async Task List_Refused_SaysWhatTheApiSaysNamingTheField_ExitTwo()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        await using var api = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", .. args]);
        var cases = new (string Field, string[] Options, string Query)[]
        {
            ("provider:", ["--provider", "Not A Key"], "provider=Not%20A%20Key"),
            ("connection:", ["--connection", "no spaces"], "connection=no%20spaces"),
            ("since: 'last night'", ["--since", "last night"], "since=last%20night"),
            ("category: 'bogus'", ["--category", "auth,bogus"], "category=auth,bogus"),
            ("limit: 0", ["--limit", "0"], "limit=0"),
            ("limit: 1001", ["--limit", "1001"], "limit=1001"),
        };

        foreach (var (field, options, query) in cases)
        {
            await ApiParity.ShouldRefuseAsTheApiDoesAsync(
                api.Http, ["requests", "list", .. options, .. args], new HttpRequestMessage(HttpMethod.Get, "/api/requests?" + query), 400, field);
        }
    }

    /// <summary>The table's data rows, cells trimmed: what lies between the header's rule and the bottom border.</summary>
    private static List<string[]> Rows(string output) =>
    [
        .. output.Split('\n')
            .SkipWhile(line => !line.StartsWith('├') && !line.StartsWith('+')).Skip(1)
            .TakeWhile(line => line.StartsWith('│') || line.StartsWith('|'))
            .Select(line => line.Trim().Trim('│', '|').Split('│', '|').Select(cell => cell.Trim()).ToArray()),
    ];

    /// <summary>Three attempts: a Slack call that succeeded, its retry that was rate limited, a GitHub call that got no answer.</summary>
    private static async Task SeedAsync(string[] args)
    {
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        var at = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);
        RequestLogEntry Slack(int minutes, int attempt, int status, string? category) => new()
        {
            At = at.AddMinutes(minutes), Provider = ProviderKey.Parse("slack"), ConnectionId = ConnectionId.Parse("slack-1"), Method = "POST", Path = "chat.postMessage",
            Status = status, DurationMs = 12.5, Attempt = attempt, ErrorCategory = category, TraceId = "0af7651916cd43dd8448eb211c80319c",
        };
        var github = new RequestLogEntry
        {
            At = at.AddHours(1), Provider = ProviderKey.Parse("github"), ConnectionId = ConnectionId.Parse("github-1"), Method = "GET", Path = "/repos/{owner}/{repo}/issues",
            DurationMs = 30000, ErrorCategory = "network",
        };
        await host.Services.GetRequiredService<IRequestLogStore>().AppendAsync([Slack(0, 1, 200, null), Slack(30, 2, 429, "rate_limited"), github], Ct);
        await host.StopAsync(Ct);
    }
}
