using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Server.Tests.Webhooks;

namespace Mooring.Server.Tests.Cli;

/// <summary>
/// <c>mooring webhooks channels list | show | add | remove</c> on the store the server uses: the same checks and words as
/// <c>/api/webhooks/channels</c>, and the token never printed.
/// </summary>
public sealed class WebhookChannelsCommandTests
{
    private const string Token = "token-of-channel-a-0123456789";
    private const string StaticToken = "token-of-the-configured-channel";
    private const string Static = "--Mooring:Webhooks:Providers:google-calendar:Channels:ch-static";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddListShowRemove_WorkOnTheStore_AndNeverPrintTheToken()
    {
        var args = await SeedAsync();

        var add = await CliRun.RunWithInputAsync(Token + "\n", ["webhooks", "channels", "add", .. Add("ch-a"), "--token-stdin", .. args]);
        var list = await CliRun.RunAsync(["webhooks", "channels", "list", "--provider", "google-calendar", "--connection", "cal-1", .. args]);
        var show = await CliRun.RunAsync(["webhooks", "channels", "show", "google-calendar", "ch-a", .. args]);
        var remove = await CliRun.RunAsync(["webhooks", "channels", "remove", "google-calendar", "ch-a", .. args]);
        var gone = await CliRun.RunAsync(["webhooks", "channels", "show", "google-calendar", "ch-a", .. args]);
        var again = await CliRun.RunAsync(["webhooks", "channels", "remove", "google-calendar", "ch-a", .. args]);

        add.ExitCode.ShouldBe(0, add.Output + add.Error);
        add.Output.ShouldContain("Registered the google-calendar channel 'ch-a'.");
        add.Error.ShouldBeEmpty();
        list.ExitCode.ShouldBe(0, list.Output + list.Error);
        list.Output.ShouldContain("ch-a");
        list.Output.ShouldContain("1 channel(s).");
        show.ExitCode.ShouldBe(0, show.Output + show.Error);
        show.Output.ShouldContain("cal-1");
        show.Output.ShouldMatch(@"own token\s+yes");
        foreach (var run in new[] { add, list, show })
        {
            (run.Output + run.Error).ShouldNotContain(Token);
        }

        remove.ExitCode.ShouldBe(0, remove.Output + remove.Error);
        remove.Output.ShouldContain("Removed the google-calendar channel 'ch-a'.");
        gone.ExitCode.ShouldBe(1);
        gone.Output.ShouldBeEmpty();
        gone.Error.Trim().ShouldBe("mooring: There is no registered google-calendar channel 'ch-a'.");
        again.ExitCode.ShouldBe(1);
        again.Output.ShouldBeEmpty();
        again.Error.Trim().ShouldBe("mooring: There is no registered google-calendar channel 'ch-a'.");
    }

    [Fact]
    public async Task Add_TokenAsAnOption_WarnsItIsKeptInTheShellHistory_AndNeverEchoesIt()
    {
        var args = await SeedAsync();

        var add = await CliRun.RunAsync(["webhooks", "channels", "add", .. Add("ch-a"), "--token", Token, .. args]);
        var both = await CliRun.RunWithInputAsync(Token, ["webhooks", "channels", "add", .. Add("ch-b"), "--token", Token, "--token-stdin", .. args]);
        var empty = await CliRun.RunWithInputAsync(string.Empty, ["webhooks", "channels", "add", .. Add("ch-c"), "--token-stdin", .. args]);

        add.ExitCode.ShouldBe(0, add.Output + add.Error);
        add.Error.ShouldContain("shell history");
        (add.Output + add.Error).ShouldNotContain(Token);
        both.ExitCode.ShouldBe(2, both.Output + both.Error);
        both.Error.ShouldContain("--token-stdin or with --token, not both");
        empty.ExitCode.ShouldBe(2, empty.Output + empty.Error);
        empty.Output.ShouldBeEmpty();
        empty.Error.ShouldContain("token is empty");
    }

    [Fact]
    public async Task List_PagesWithAfter_AsTheApisNextAfter()
    {
        var args = await SeedAsync();
        foreach (var id in new[] { "ch-1", "ch-2", "ch-3" })
        {
            (await CliRun.RunWithInputAsync(Token, ["webhooks", "channels", "add", .. Add(id), "--token-stdin", .. args])).ExitCode.ShouldBe(0);
        }

        var first = await CliRun.RunAsync(["webhooks", "channels", "list", "--provider", "google-calendar", "--limit", "2", .. args]);
        var next = await CliRun.RunAsync(["webhooks", "channels", "list", "--provider", "google-calendar", "--limit", "2", "--after", "ch-2", .. args]);

        first.ExitCode.ShouldBe(0, first.Output + first.Error);
        first.Output.ShouldContain("ch-1");
        first.Output.ShouldNotContain("ch-3");
        first.Output.ShouldContain("More may follow: --after ch-2");
        next.Output.ShouldContain("ch-3");
        next.Output.ShouldNotContain("ch-1");
        next.Output.ShouldContain("1 channel(s).");
        next.Output.ShouldNotContain("More may follow");
    }

    [Fact]
    public async Task AddAndList_Refused_SayWhatTheApiSaysNamingTheField_ExitTwoForA400AndOneForA409()
    {
        var args = await SeedAsync();
        await using var api = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", .. args]);
        (await CliRun.RunWithInputAsync(Token, ["webhooks", "channels", "add", .. Add("ch-a"), "--token-stdin", .. args])).ExitCode.ShouldBe(0);
        var past = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        var cases = new (string Field, string? Token, string[] Options, object Body, int ExitCode)[]
        {
            ("provider:", Token, Add("ch-x", provider: "stripe"), Body("ch-x", Token, provider: "stripe"), 2),
            ("provider:", Token, Add("ch-x", provider: "Not A Key"), Body("ch-x", Token, provider: "Not A Key"), 2),
            ("channelId", Token, Add("ch/x"), Body("ch/x", Token), 2),
            ("token is shorter", "short", Add("ch-x"), Body("ch-x", "short"), 2),
            ("token: required", null, Add("ch-x"), Body("ch-x", null), 2),
            ("connectionId:", Token, Add("ch-x", connection: "cal-nobody"), Body("ch-x", Token, connection: "cal-nobody"), 2),
            ("expiration:", Token, [.. Add("ch-x").SkipLast(2)], Body("ch-x", Token, expiration: null), 2),
            ("expiration:", Token, Add("ch-x", expiration: past), Body("ch-x", Token, expiration: past), 2),
            ("already exists", Token, Add("ch-a"), Body("ch-a", Token), 1),
            ("is configured under", Token, Add("ch-static"), Body("ch-static", Token), 1),
        };

        foreach (var (field, token, options, body, exitCode) in cases)
        {
            var tokenOption = token is null ? Array.Empty<string>() : ["--token-stdin"];
            var cli = await CliRun.RunWithInputAsync(token ?? string.Empty, ["webhooks", "channels", "add", .. options, .. tokenOption, .. args]);
            var answer = await api.Http.PostAsJsonAsync("/api/webhooks/channels", body, Ct);
            var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();

            detail.ShouldNotBeNull().ShouldContain(field);
            cli.ExitCode.ShouldBe(exitCode, $"{field}: {cli.Output}{cli.Error}");
            cli.Output.ShouldBeEmpty();
            cli.Error.Trim().ShouldBe("mooring: " + detail);
            ((int)answer.StatusCode).ShouldBe(exitCode == 2 ? 400 : 409);
        }

        foreach (var query in new[] { (Options: new[] { "--limit", "0" }, Query: "provider=google-calendar&limit=0"), (["--connection", "bad id"], "provider=google-calendar&connection=bad%20id"), ([], string.Empty) })
        {
            string[] provider = query.Query.Length == 0 ? [] : ["--provider", "google-calendar"];
            var cli = await CliRun.RunAsync(["webhooks", "channels", "list", .. provider, .. query.Options, .. args]);
            var answer = await api.Http.GetAsync("/api/webhooks/channels?" + query.Query, Ct);
            var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();

            ((int)answer.StatusCode).ShouldBe(400);
            cli.ExitCode.ShouldBe(2, cli.Output + cli.Error);
            cli.Output.ShouldBeEmpty();
            cli.Error.Trim().ShouldBe("mooring: " + detail);
        }
    }

    /// <summary>
    /// A SQLite store with the connection <c>cal-1</c> of google-calendar, whose notifications are received with no shared
    /// token and one configured channel, <c>ch-static</c>; returns the settings for the CLI.
    /// </summary>
    private static async Task<string[]> SeedAsync()
    {
        string[] args =
        [
            .. TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }),
            $"{Static}:Token={StaticToken}", $"{Static}:ConnectionId=cal-1", $"{Static}:Expiration=2100-01-01T00:00:00Z",
        ];
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        await host.Services.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = ConnectionId.Parse("cal-1"), Provider = ProviderKey.Parse("google-calendar"), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { AccessToken = "ya29.test" },
            Ct);
        await host.StopAsync(Ct);
        return args;
    }

    private static long InAWeek => DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeMilliseconds();

    /// <summary>The options of <c>add</c> but the token's, <c>--expiration</c> last.</summary>
    private static string[] Add(string id, string provider = "google-calendar", string connection = "cal-1", long? expiration = null) =>
        ["--provider", provider, "--id", id, "--connection", connection, "--expiration", (expiration ?? InAWeek).ToString(CultureInfo.InvariantCulture)];

    /// <summary>The same registration as the body of <c>POST /api/webhooks/channels</c>.</summary>
    private static object Body(string id, string? token, string provider = "google-calendar", string connection = "cal-1", long? expiration = 0) =>
        new { provider, channelId = id, token, connectionId = connection, expiration = expiration == 0 ? InAWeek : expiration };
}
