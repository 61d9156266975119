using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Sandbox;
using Mooring.Server.Hosting;
using Mooring.Server.Tests.Webhooks;

namespace Mooring.Server.Tests.Cli;

/// <summary>
/// <c>mooring webhooks channels watch</c>: Mooring opens a push channel through the connection (here on the sandbox),
/// <c>remove</c> stops it at Google too, and bad input is refused in the API's words.
/// </summary>
public sealed class WebhookChannelWatchCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchThenRemove_OpensTheChannelAtTheSandboxThenStopsIt()
    {
        await using var sandbox = await SandboxHost.StartAsync(cancellationToken: Ct);
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var args = await SeedAsync(token, [
            $"--Mooring:Providers:google-calendar:apiBaseUrl={new Uri(sandbox.AddressOf("google"), "calendar/v3/")}",
            "--Mooring:Connections:PublicBaseUrl=http://127.0.0.1:9"]);

        var watch = await CliRun.RunAsync(["webhooks", "channels", "watch", "--connection", "cal-1", "--ttl", "3600", .. args]);
        var opened = await sandbox.Webhooks.DeliverPendingAsync(Ct);
        var id = opened.ShouldHaveSingleItem().MessageId.Split(':')[0];
        var remove = await CliRun.RunAsync(["webhooks", "channels", "remove", "google-calendar", id, .. args]);
        sandbox.Control.CreateCalendarEvent();

        watch.ExitCode.ShouldBe(0, watch.Output + watch.Error);
        watch.Output.ShouldContain($"Watching calendar 'primary' of cal-1 through the google-calendar channel '{id}'.");
        watch.Output.ShouldMatch(@"opened by Mooring\s+yes");
        remove.ExitCode.ShouldBe(0, remove.Output + remove.Error);
        (await sandbox.Webhooks.DeliverPendingAsync(Ct)).ShouldBeEmpty("the channel was stopped at the sandbox");
    }

    [Fact]
    public async Task Watch_Refused_SaysWhatTheApiSaysNamingTheField()
    {
        var args = await SeedAsync("ya29.test", []);
        await using var api = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", .. args]);
        var cases = new (string Field, string[] Options, object Body, int Status)[]
        {
            ("connection:", ["--connection", "bad id"], new { connection = "bad id" }, 400),
            ("connection:", [], new { }, 400),
            ("calendarId:", ["--connection", "cal-1", "--calendar", string.Empty], new { connection = "cal-1", calendarId = string.Empty }, 400),
            ("ttlSeconds", ["--connection", "cal-1", "--ttl", "5"], new { connection = "cal-1", ttlSeconds = 5 }, 400),
            ("There is no connection 'cal-nobody'", ["--connection", "cal-nobody"], new { connection = "cal-nobody" }, 404),
            ("Mooring:Connections:PublicBaseUrl", ["--connection", "cal-1"], new { connection = "cal-1" }, 503),
        };

        foreach (var (field, options, body, status) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/channels/watch") { Content = JsonContent.Create(body) };
            await ApiParity.ShouldRefuseAsTheApiDoesAsync(api.Http, ["webhooks", "channels", "watch", .. options, .. args], request, status, field);
        }

        (await api.Http.GetStringAsync("/api/webhooks/channels?provider=google-calendar", Ct)).ShouldContain("\"data\":[]");
    }

    /// <summary>A SQLite store with the OAuth connection <c>cal-1</c> of google-calendar holding <paramref name="token"/>; returns the settings for the CLI.</summary>
    private static async Task<string[]> SeedAsync(string token, string[] settings)
    {
        string[] args =
        [
            .. TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }),
            "--Mooring:Webhooks:Providers:google-calendar:Secrets:0=google_shared_channel_token_0123", .. settings,
        ];
        using var host = ServerHost.BuildCommandHost(args);
        await host.StartAsync(Ct);
        await host.Services.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = ConnectionId.Parse("cal-1"), Provider = ProviderKey.Parse("google-calendar"), AuthMode = AuthMode.OAuth2, Status = ConnectionStatus.Active },
            new ConnectionCredentials { AccessToken = token, TokenType = "Bearer" },
            Ct);
        await host.StopAsync(Ct);
        return args;
    }
}
