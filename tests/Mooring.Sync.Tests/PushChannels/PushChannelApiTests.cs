using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.PushChannels;

/// <summary><c>POST /api/webhooks/channels/watch</c> opens a channel at the sandbox; <c>DELETE</c> of a channel Mooring opened stops it there too.</summary>
public sealed class PushChannelApiTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await PushChannelHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task WatchThenDelete_Answers201WithTheChannelThenStopsItAtGoogle()
    {
        await _host.OAuthAsync("google-calendar", "cal-1");

        using var created = await _host.Client.PostAsJsonAsync("/api/webhooks/channels/watch", new { connection = "cal-1", calendarId = "primary", ttlSeconds = 7200 }, Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("channel_id").GetString()!;
        var handshake = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        using var deleted = await _host.Client.DeleteAsync($"/api/webhooks/channels/google-calendar/{id}", Ct);
        _host.Sandbox.Control.CreateCalendarEvent();

        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.GetRawText());
        created.Headers.Location!.ToString().ShouldBe($"google-calendar/{id}");
        (body.GetProperty("managed").GetBoolean(), body.GetProperty("calendar_id").GetString(), body.GetProperty("own_token").GetBoolean()).ShouldBe((true, "primary", true));
        body.GetProperty("expires_at").GetDateTimeOffset().ShouldBe(_host.Time.GetUtcNow().AddHours(2));
        handshake.Select(d => (d.MessageId, d.StatusCode)).ShouldBe([($"{id}:1", 200)]);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct)).ShouldBeEmpty("the channel was stopped at the sandbox");
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Watch_GoogleRefuses_Is502WithGooglesWordsAndRegistersNothing()
    {
        await _host.OAuthAsync("google-calendar", "cal-1");
        _host.Sandbox.Control.AddFault(new Sandbox.Faults.FaultRule { Provider = "google", Endpoint = "calendar.events.watch", StatusCode = 400 });

        using var refused = await _host.Client.PostAsJsonAsync("/api/webhooks/channels/watch", new { connection = "cal-1" }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
    }
}
