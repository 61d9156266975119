using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// Google push channels over HTTP: a notification is accepted only when its <c>X-Goog-Channel-ID</c> names a channel
/// registered with Mooring (management API, embedded registry or configuration) and its <c>X-Goog-Channel-Token</c> is
/// that channel's token, before the channel expires; the event is attributed to the channel's connection.
/// </summary>
public sealed class WebhookGoogleChannelTests
{
    private const string SharedToken = "google_shared_channel_token_0123";
    private const string TokenA = "token-of-channel-a-0123456789";
    private const string TokenB = "token-of-channel-b-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_RegisteredChannelWithItsToken_IsStoredAndAttributedToTheChannelsConnection()
    {
        await using var app = await StartAsync();
        (await RegisterAsync(app, "ch-a", TokenA)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await NotifyAsync(app, "ch-a", TokenA, 2);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var stored = (await app.AllEventsAsync()).ShouldHaveSingleItem();
        (stored.EventId, stored.EventType, stored.ConnectionId).ShouldBe(("ch-a:2", "exists", ConnectionId.Parse("cal-1")));
        var listed = await app.Http.GetFromJsonAsync<JsonElement>("/api/webhooks/channels?provider=google-calendar&connection=cal-1", Ct);
        var channel = listed.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        (channel.GetProperty("channel_id").GetString(), channel.GetProperty("own_token").GetBoolean()).ShouldBe(("ch-a", true));
        listed.GetRawText().ShouldNotContain(TokenA);
    }

    [Fact]
    public async Task Post_UnknownChannel_Is401UnknownChannelStoresNothingAndCounts()
    {
        await using var app = await StartAsync();
        using var received = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Mooring.Webhooks", "mooring.webhooks.received");

        var response = await NotifyAsync(app, "ch-nobody", SharedToken, 2);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_channel");
        (await app.AllEventsAsync()).ShouldBeEmpty();
        received.GetMeasurementSnapshot().ShouldContain(m => (string?)m.Tags["reason"] == "unknown_channel" && (string?)m.Tags["provider"] == "google-calendar");
    }

    [Fact]
    public async Task Post_KnownChannelWithAnotherChannelsOrTheSharedToken_Is401SignatureMismatchAndStoresNothing()
    {
        await using var app = await StartAsync();
        await RegisterAsync(app, "ch-a", TokenA);
        await RegisterAsync(app, "ch-b", TokenB);

        var otherChannels = await NotifyAsync(app, "ch-a", TokenB, 2);
        var shared = await NotifyAsync(app, "ch-a", SharedToken, 3);

        otherChannels.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await otherChannels.Content.ReadAsStringAsync(Ct)).ShouldContain("signature_mismatch");
        shared.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.AllEventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ChannelPastItsExpiration_Is401ChannelExpiredAndStoresNothing()
    {
        await using var app = await StartAsync();
        await RegisterAsync(app, "ch-a", TokenA, TimeSpan.FromHours(1));
        app.Time.Advance(TimeSpan.FromHours(1));

        var response = await NotifyAsync(app, "ch-a", TokenA, 2);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("channel_expired");
        (await app.AllEventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_SyncMessageOnChannelCreation_IsAnsweredWhenVerifiedAndNeverStored()
    {
        await using var app = await StartAsync();
        await RegisterAsync(app, "ch-a", TokenA);

        var forged = await NotifyAsync(app, "ch-a", TokenB, 1, "sync");
        var sync = await NotifyAsync(app, "ch-a", TokenA, 1, "sync");
        var change = await NotifyAsync(app, "ch-a", TokenA, 2);

        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        sync.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sync.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"status":"sync"}""");
        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).Select(e => e.EventId).ShouldBe(["ch-a:2"]);
    }

    [Fact]
    public async Task Post_ChannelOfAnotherConnectionThanThePathNames_Is404UnknownConnection()
    {
        await using var app = await StartAsync();
        await WebhookConnectionSegmentTests.CreateConnectionAsync(app, "cal-2", "google-calendar");
        await RegisterAsync(app, "ch-a", TokenA);

        var other = await NotifyAsync(app, "ch-a", TokenA, 2, path: "/webhooks/google-calendar/cal-2");
        var own = await NotifyAsync(app, "ch-a", TokenA, 3, path: "/webhooks/google-calendar/cal-1");

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync(Ct)).ShouldContain("another connection");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).Select(e => e.EventId).ShouldBe(["ch-a:3"]);
    }

    [Fact]
    public async Task RegisterAsync_EmbeddedWithoutAToken_AcceptsTheProvidersSharedTokens()
    {
        await using var app = await StartAsync();
        var registry = app.Services.GetRequiredService<IWebhookChannelRegistry>();

        var channel = await registry.RegisterAsync(new WebhookChannelRegistration
        {
            Provider = ProviderKey.Parse("google-calendar"), ChannelId = "ch-shared", ConnectionId = ConnectionId.Parse("cal-1"),
            Expiration = app.Time.GetUtcNow().AddDays(7),
        }, Ct);
        var accepted = await NotifyAsync(app, "ch-shared", SharedToken, 2);
        var refused = await NotifyAsync(app, "ch-shared", TokenA, 3);

        channel.TokenHash.ShouldBeNull();
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.AllEventsAsync()).Select(e => (e.EventId, e.ConnectionId)).ShouldBe([("ch-shared:2", ConnectionId.Parse("cal-1"))]);
    }

    [Fact]
    public async Task Register_ThatCannotWork_Is400NamingTheFieldAnd409ForATakenId()
    {
        await using var app = await StartAsync(shared: false);
        await WebhookConnectionSegmentTests.CreateConnectionAsync(app, "st-1", "stripe");
        (await RegisterAsync(app, "ch-a", TokenA)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var answers = new[]
        {
            (await RegisterAsync(app, "ch-x", null), "token: required"),
            (await RegisterAsync(app, "ch-x", TokenA, provider: "stripe"), "provider:"),
            (await RegisterAsync(app, "ch-x", TokenA, connection: "st-1"), "connectionId:"),
            (await RegisterAsync(app, "ch-x", TokenA, TimeSpan.FromSeconds(-1)), "expiration:"),
            (await RegisterAsync(app, "ch/x", TokenA), "channelId"),
            (await RegisterAsync(app, "ch-x", "short"), "token is shorter"),
        };
        var taken = await RegisterAsync(app, "ch-a", TokenB);
        var configured = await RegisterAsync(app, "ch-static", TokenA);

        foreach (var (response, field) in answers)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(field);
        }

        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        configured.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await NotifyAsync(app, "ch-static", TokenB, 2)).StatusCode.ShouldBe(HttpStatusCode.OK, "a configured channel with its own token");
        (await app.Http.GetFromJsonAsync<JsonElement>("/api/webhooks/channels?provider=google-calendar", Ct)).GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Remove_RegisteredChannel_RefusesItsNextNotification()
    {
        await using var app = await StartAsync();
        await RegisterAsync(app, "ch-a", TokenA);
        (await NotifyAsync(app, "ch-a", TokenA, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var removed = await app.Http.DeleteAsync("/api/webhooks/channels/google-calendar/ch-a", Ct);
        var after = await NotifyAsync(app, "ch-a", TokenA, 3);
        var again = await app.Http.DeleteAsync("/api/webhooks/channels/google-calendar/ch-a", Ct);

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await after.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_channel");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_ConfiguredChannelWithoutConnectionOrExpiration_FailsNamingTheSettingsButNotTheToken()
    {
        var start = WebhookApp.StartAsync(
            null, "--Mooring:Webhooks:Workers=0", $"--Mooring:Webhooks:Providers:google-calendar:Channels:ch-1:Token={TokenA}");

        var error = await Should.ThrowAsync<OptionsValidationException>(start);

        error.Message.ShouldContain("Mooring:Webhooks:Providers:google-calendar:Channels:ch-1:ConnectionId");
        error.Message.ShouldContain("Mooring:Webhooks:Providers:google-calendar:Channels:ch-1:Expiration");
        error.Message.ShouldNotContain(TokenA);
    }

    /// <summary>
    /// An app receiving google-calendar notifications, with the connection <c>cal-1</c>: with <paramref name="shared"/>, one
    /// shared token; without, no shared token and a configured channel <c>ch-static</c> with a token of its own.
    /// </summary>
    private static async Task<WebhookApp> StartAsync(bool shared = true)
    {
        const string Static = "--Mooring:Webhooks:Providers:google-calendar:Channels:ch-static";
        string[] settings = shared
            ? [$"--Mooring:Webhooks:Providers:google-calendar:Secrets:0={SharedToken}"]
            : [$"{Static}:Token={TokenB}", $"{Static}:ConnectionId=cal-1", $"{Static}:Expiration=2100-01-01T00:00:00Z"];
        var app = await WebhookApp.StartAsync(null, ["--Mooring:Webhooks:Workers=0", .. settings]);
        await WebhookConnectionSegmentTests.CreateConnectionAsync(app, "cal-1", "google-calendar");
        return app;
    }

    /// <summary>Registers a channel through the management API, as the app does before its <c>events.watch</c> request.</summary>
    private static Task<HttpResponseMessage> RegisterAsync(
        WebhookApp app, string id, string? token, TimeSpan? lifetime = null, string provider = "google-calendar", string connection = "cal-1") =>
        app.Http.PostAsJsonAsync("/api/webhooks/channels", new
        {
            provider,
            channelId = id,
            token,
            connectionId = connection,
            expiration = (app.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(7))).ToUnixTimeMilliseconds(),
        }, Ct);

    /// <summary>A notification as Google sends it: no body, everything in <c>X-Goog-*</c> headers.</summary>
    private static Task<HttpResponseMessage> NotifyAsync(
        WebhookApp app, string channel, string token, int number, string state = "exists", string path = "/webhooks/google-calendar")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([]) };
        request.Headers.Add("X-Goog-Channel-ID", channel);
        request.Headers.Add("X-Goog-Channel-Token", token);
        request.Headers.Add("X-Goog-Channel-Expiration", "Tue, 19 Nov 2030 01:13:52 GMT");
        request.Headers.Add("X-Goog-Message-Number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Resource-ID", "ret08u3rv24htgh289g");
        request.Headers.Add("X-Goog-Resource-State", state);
        request.Headers.Add("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
        return app.Http.SendAsync(request, Ct);
    }
}
