using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;
using Mooring.Webhooks;

namespace Mooring.Sync.Tests.PushChannels;

/// <summary>
/// The whole loop over real HTTP: Mooring opens a push channel on the sandbox calendar, the sandbox sends its sync
/// message and then an exists notification for a new event, Mooring verifies and stores it for the channel's
/// connection, and the calendar sync it requests brings the new event into the synced records.
/// </summary>
public sealed class PushChannelSyncTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await PushChannelHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task WatchAsync_EventCreatedInTheCalendar_NotificationSyncsItIntoTheRecords()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        await _host.RunAsync(calendar, "calendar-events", SyncRunKind.Full);

        var channel = await _host.Get<IPushChannelWatcher>().WatchAsync(calendar.Id, cancellationToken: Ct);
        var handshake = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        var eventId = _host.Sandbox.Control.CreateCalendarEvent();
        var change = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        (channel.Managed, channel.CalendarId, channel.ResourceId).ShouldBe((true, "primary", (await PushChannelHost.ChannelsAsync(_host)).Single().ResourceId));
        channel.ResourceId.ShouldNotBeNullOrEmpty();
        handshake.Select(d => (d.MessageId, d.StatusCode)).ShouldBe([($"{channel.ChannelId}:1", 200)]);
        change.Select(d => (d.MessageId, d.StatusCode)).ShouldBe([($"{channel.ChannelId}:2", 200)]);
        var stored = (await PushChannelHost.EventsAsync(_host)).ShouldHaveSingleItem();
        (stored.EventId, stored.EventType, stored.ConnectionId).ShouldBe(($"{channel.ChannelId}:2", "exists", calendar.Id));
        (await _host.LocalAsync(calendar, "calendar-events")).ShouldNotContainKey(eventId);

        await _host.ProcessWebhooksAsync();
        await _host.Get<SyncScheduler>().RunDueAsync(Ct);

        var runs = await _host.Get<ISyncStore>().ListRunsAsync(calendar.Id, "calendar-events", 10, Ct);
        (runs[0].Kind, runs[0].Status).ShouldBe((SyncRunKind.Webhook, SyncRunStatus.Succeeded));
        (await _host.LocalAsync(calendar, "calendar-events")).ShouldContainKey(eventId);
    }
}
