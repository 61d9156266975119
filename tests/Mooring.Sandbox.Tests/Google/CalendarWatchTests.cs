using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Tests.Webhooks;

namespace Mooring.Sandbox.Tests.Google;

/// <summary>
/// Calendar push channels: <c>events.watch</c> answers Google's Channel resource and queues the <c>sync</c> message, each
/// change to the calendar's events queues an <c>exists</c>, numbered per channel, until the channel expires or is stopped.
/// </summary>
public sealed class CalendarWatchTests
{
    private const string Watch = "google/calendar/v3/calendars/primary/events/watch";
    private const string Stop = "google/calendar/v3/channels/stop";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_ValidRequest_AnswersTheChannelResourceWithExpirationAsMillisecondString()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;

        using var response = await PostAsync(sandbox, Watch, token, new { id = "ch-1", type = "web_hook", address = "https://app.example/hook", token = "secret-token-1", @params = new { ttl = "3600" } });

        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var channel = JsonNode.Parse(text)!.AsObject();
        channel["kind"]!.GetValue<string>().ShouldBe("api#channel");
        channel["id"]!.GetValue<string>().ShouldBe("ch-1");
        channel["token"]!.GetValue<string>().ShouldBe("secret-token-1");
        channel["resourceId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        channel["resourceUri"]!.GetValue<string>().ShouldBe("https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
        channel["expiration"]!.GetValue<string>().ShouldBe(sandbox.Time.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_ThenChanges_DeliversSyncThenNumberedExistsWithGoogleHeadersAndNoBody()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        using var watched = await PostAsync(sandbox, Watch, token, new { id = "ch-1", type = "web_hook", address = receiver.Url.AbsoluteUri, token = "secret-token-1" });
        var resourceId = (await watched.Content.ReadFromJsonAsync<JsonObject>(Ct))!["resourceId"]!.GetValue<string>();

        sandbox.Control.CreateCalendarEvent();
        sandbox.Control.CreateCalendarEvent("other@example.com");
        sandbox.Control.CreateCalendarEvent();
        var results = await sandbox.Host.Webhooks.DeliverPendingAsync(Ct);

        results.Select(r => (r.MessageId, r.StatusCode)).ShouldBe([("ch-1:1", 200), ("ch-1:2", 200), ("ch-1:3", 200)]);
        var received = receiver.Received.ToArray();
        received.Select(r => (r.Headers["X-Goog-Resource-State"], r.Headers["X-Goog-Message-Number"])).ShouldBe([("sync", "1"), ("exists", "2"), ("exists", "3")]);
        var (headers, body) = received[1];
        body.ShouldBeEmpty();
        headers["X-Goog-Channel-ID"].ShouldBe("ch-1");
        headers["X-Goog-Channel-Token"].ShouldBe("secret-token-1");
        headers["X-Goog-Resource-ID"].ShouldBe(resourceId);
        headers["X-Goog-Resource-URI"].ShouldBe("https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
        headers["X-Goog-Channel-Expiration"].ShouldBe(sandbox.Time.GetUtcNow().AddDays(7).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_ChannelStoppedOrExpired_SendsNothingMore()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        using var stopped = await PostAsync(sandbox, Watch, token, new { id = "ch-stop", type = "web_hook", address = receiver.Url.AbsoluteUri });
        using var expiring = await PostAsync(sandbox, Watch, token, new { id = "ch-ttl", type = "web_hook", address = receiver.Url.AbsoluteUri, @params = new { ttl = "60" } });
        await sandbox.Host.Webhooks.DeliverPendingAsync(Ct);
        var resourceId = (await stopped.Content.ReadFromJsonAsync<JsonObject>(Ct))!["resourceId"]!.GetValue<string>();

        using var stop = await PostAsync(sandbox, Stop, token, new { id = "ch-stop", resourceId });
        using var again = await PostAsync(sandbox, Stop, token, new { id = "ch-stop", resourceId });
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        sandbox.Control.CreateCalendarEvent();
        var results = await sandbox.Host.Webhooks.DeliverPendingAsync(Ct);

        stop.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("notFound");
        results.ShouldBeEmpty();
        receiver.Received.Select(r => r.Headers["X-Goog-Resource-State"]).ShouldBe(["sync", "sync"]);
    }

    [Theory]
    [InlineData("""{"type":"web_hook","address":"https://a.example/h"}""", "required")]
    [InlineData("""{"id":"ch-1","type":"email","address":"https://a.example/h"}""", "invalid")]
    [InlineData("""{"id":"ch-1","type":"web_hook"}""", "required")]
    [InlineData("""{"id":"ch-1","type":"web_hook","address":"ftp://a.example/h"}""", "push.webhookUrlNotHttps")]
    [InlineData("""{"id":"ch-1","type":"web_hook","address":"https://a.example/h","params":{"ttl":"soon"}}""", "invalid")]
    [InlineData("""{"id":"ch-taken","type":"web_hook","address":"https://a.example/h"}""", "channelIdNotUnique")]
    [InlineData("""not json""", "parseError")]
    public async Task Watch_BadRequest_Is400WithGooglesReason(string body, string reason)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        using var taken = await PostAsync(sandbox, Watch, token, new { id = "ch-taken", type = "web_hook", address = "https://a.example/h" });

        using var response = await sandbox.SendAsync(HttpMethod.Post, Watch, token, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;
        error["errors"]![0]!["reason"]!.GetValue<string>().ShouldBe(reason);
    }

    [Fact]
    public async Task WatchAndStop_WithoutAValidToken_Are401()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        using var watch = await PostAsync(sandbox, Watch, "not-a-token", new { id = "ch-1", type = "web_hook", address = "https://a.example/h" });
        using var stop = await PostAsync(sandbox, Stop, null, new { id = "ch-1", resourceId = "r" });

        watch.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        stop.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> PostAsync(TestSandbox sandbox, string path, string? bearer, object body) =>
        sandbox.SendAsync(HttpMethod.Post, path, bearer, JsonContent.Create(body));
}
