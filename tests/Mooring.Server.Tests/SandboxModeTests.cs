using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore;
using Mooring.Server.Hosting;

namespace Mooring.Server.Tests;

/// <summary>The quick start: the server in sandbox mode connects to the emulated providers offline, end to end.</summary>
public sealed class SandboxModeTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _baseUrl = string.Empty;

    public async ValueTask InitializeAsync()
    {
        // The emulators' URLs are derived from the server's own address, so it needs a known port.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _baseUrl = $"http://127.0.0.1:{port}";
        _app = ServerHost.BuildWebApp(["--Mooring:Mode=Sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", $"--urls={_baseUrl}"]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("github")]
    [InlineData("google-calendar")]
    public async Task ConnectLink_FollowedByABrowser_ConnectsThroughTheEmulator(string provider)
    {
        var (page, connection) = await ConnectAsync(provider);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("<h1>Connected</h1>");
        connection.GetProperty("status").GetString().ShouldBe("active");
        connection.GetProperty("endUserRef").GetString().ShouldBe("alice");
    }

    [Fact]
    public async Task SlackConnect_RecordsTheWorkspace_SoThatItsEventsRouteToTheConnection()
    {
        var (_, connection) = await ConnectAsync("slack");

        var metadata = connection.GetProperty("metadata");
        metadata.GetProperty("team_id").GetString().ShouldBe("T0SANDBOX1"); // the emulator's workspace, from oauth.v2.access team.id
        metadata.GetProperty("bot_user_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task CalendarWatch_ChangeInTheEmulator_NotificationArrivesByItselfForTheConnection()
    {
        var ct = TestContext.Current.CancellationToken;
        await ConnectAsync("google-calendar");
        using var api = Api();

        using var watch = await api.PostAsJsonAsync("/api/webhooks/channels/watch", new { connection = "demo-google-calendar" }, ct);
        using var advance = await api.PostAsJsonAsync("/sandbox/_sandbox/data/advance", new { changes = 1 }, ct);
        JsonElement received = default;
        var deadline = Environment.TickCount64 + 20_000;
        while (Environment.TickCount64 < deadline)
        {
            var events = (await api.GetFromJsonAsync<JsonElement>("/api/webhooks/events?provider=google-calendar", ct)).GetProperty("data");
            if (events.GetArrayLength() > 0)
            {
                received = events[0];
                break;
            }

            await Task.Delay(100, ct);
        }

        watch.StatusCode.ShouldBe(HttpStatusCode.Created, await watch.Content.ReadAsStringAsync(ct));
        advance.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        received.ValueKind.ShouldBe(JsonValueKind.Object, "the server's sandbox delivers the notification by itself");
        (received.GetProperty("event_type").GetString(), received.GetProperty("connection_id").GetString()).ShouldBe(("exists", "demo-google-calendar"));
    }

    private HttpClient Api()
    {
        var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory(), "sandbox-secrets.json")));
        var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        api.DefaultRequestHeaders.Add("X-Mooring-Api-Key", secrets.RootElement.GetProperty("managementApiKey").GetString());
        return api;
    }

    private async Task<(HttpResponseMessage Page, JsonElement Connection)> ConnectAsync(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = Api();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true });

        var created = await api.PostAsJsonAsync("/api/connect-links", new { provider, connectionId = "demo-" + provider, endUserRef = "alice" }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var link = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("url").GetString()!;
        var page = await browser.GetAsync(link, ct);
        await page.Content.LoadIntoBufferAsync(ct);
        var connection = await api.GetFromJsonAsync<JsonElement>($"/api/connections/demo-{provider}", ct);
        return (page, connection);
    }

    private string DataDirectory() => _app!.Services.GetRequiredService<IOptions<MooringOptions>>().Value.DataDirectory;
}
