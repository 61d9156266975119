using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Sandbox.Faults;
using Mooring.Sync.Tests.Infrastructure;
using Mooring.Webhooks;

namespace Mooring.Sync.Tests.PushChannels;

/// <summary>Opening, stopping and renewing push channels against the sandbox, and what a failure leaves behind.</summary>
public sealed class PushChannelWatcherTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPushChannelWatcher Watcher => _host.Get<IPushChannelWatcher>();

    public async ValueTask InitializeAsync() => _host = await PushChannelHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task WatchAsync_GoogleRefuses_ThrowsAndLeavesNoRegistration()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        _host.Sandbox.Control.AddFault(new FaultRule { Provider = "google", Endpoint = "calendar.events.watch", StatusCode = 403 });

        var error = await Should.ThrowAsync<ProviderApiException>(() => Watcher.WatchAsync(calendar.Id, cancellationToken: Ct));

        error.StatusCode.ShouldBe(403);
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task StopAsync_ManagedChannel_StopsItAtGoogleAndRefusesItsNotifications()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        var channel = await Watcher.WatchAsync(calendar.Id, cancellationToken: Ct);
        await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        var stopped = await Watcher.StopAsync(channel.Provider, channel.ChannelId, Ct);
        var again = await Watcher.StopAsync(channel.Provider, channel.ChannelId, Ct);
        _host.Sandbox.Control.CreateCalendarEvent();
        var sent = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        using var late = await PushChannelHost.NotifyAsync(_host, channel.ChannelId, 2);

        (stopped, again).ShouldBe((true, false));
        sent.ShouldBeEmpty("the sandbox no longer knows the channel");
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
        late.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await late.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_channel");
    }

    [Fact]
    public async Task RunOnceAsync_ChannelNearItsExpiry_OpensANewOneThenStopsTheOld()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        var old = await Watcher.WatchAsync(calendar.Id, ttl: TimeSpan.FromHours(1), cancellationToken: Ct);
        var renewer = _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PushChannelRenewer>().Single();
        await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        _host.Time.Advance(TimeSpan.FromMinutes(30));
        var early = await renewer.RunOnceAsync(Ct);
        _host.Time.Advance(TimeSpan.FromMinutes(16));
        var due = await renewer.RunOnceAsync(Ct);
        var fresh = (await PushChannelHost.ChannelsAsync(_host)).ShouldHaveSingleItem();
        var handshake = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        _host.Sandbox.Control.CreateCalendarEvent();
        var change = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        using var oldNotification = await PushChannelHost.NotifyAsync(_host, old.ChannelId, 2);

        (early, due).ShouldBe((0, 1), "less than a quarter of a 1-hour lifetime is left after 46 minutes");
        fresh.ChannelId.ShouldNotBe(old.ChannelId);
        (fresh.Managed, fresh.CalendarId, fresh.ExpiresAt).ShouldBe((true, "primary", _host.Time.GetUtcNow().AddHours(1)));
        handshake.Select(d => (d.MessageId, d.StatusCode)).ShouldBe([($"{fresh.ChannelId}:1", 200)]);
        change.Select(d => (d.MessageId, d.StatusCode)).ShouldBe([($"{fresh.ChannelId}:2", 200)], "the old channel was stopped at the sandbox");
        oldNotification.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await oldNotification.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_channel");
    }

    [Fact]
    public async Task RenewAsync_AnotherInstanceRenewedItFirst_StopsItsOwnSuccessorSoChannelsDoNotMultiply()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        var old = await Watcher.WatchAsync(calendar.Id, ttl: TimeSpan.FromHours(1), cancellationToken: Ct);
        var watcher = _host.Get<PushChannelWatcher>();
        await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        var first = await watcher.RenewAsync(old, Ct);
        var late = await watcher.RenewAsync(old, Ct);
        await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);
        _host.Sandbox.Control.CreateCalendarEvent();
        var change = await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        late.ShouldBeNull();
        (await PushChannelHost.ChannelsAsync(_host)).ShouldHaveSingleItem().ChannelId.ShouldBe(first.ShouldNotBeNull().ChannelId);
        change.Select(d => d.MessageId).ShouldBe([$"{first.ChannelId}:2"], "the late successor was stopped at the sandbox");
    }

    [Fact]
    public async Task RunOnceAsync_GoogleWillNotStopTheOldChannel_ForgetsItSoTheNextPassOpensNoOther()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        var old = await Watcher.WatchAsync(calendar.Id, ttl: TimeSpan.FromHours(1), cancellationToken: Ct);
        var renewer = _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PushChannelRenewer>().Single();
        _host.Sandbox.Control.AddFault(new FaultRule { Provider = "google", Endpoint = "calendar.channels.stop", StatusCode = 500 });
        _host.Time.Advance(TimeSpan.FromMinutes(50));

        var first = await renewer.RunOnceAsync(Ct);
        var second = await renewer.RunOnceAsync(Ct);

        (first, second).ShouldBe((1, 0));
        (await PushChannelHost.ChannelsAsync(_host)).ShouldHaveSingleItem().ChannelId.ShouldNotBe(old.ChannelId);
    }

    [Fact]
    public async Task HostedRenewer_OnItsInterval_RenewsTheChannelByItself()
    {
        await using var host = await PushChannelHost.StartAsync(new() { ["Mooring:Webhooks:PushChannels:RenewInterval"] = "00:10:00" });
        var calendar = await host.OAuthAsync("google-calendar", "cal-1");
        var old = await host.Get<IPushChannelWatcher>().WatchAsync(calendar.Id, ttl: TimeSpan.FromHours(1), cancellationToken: Ct);

        for (var i = 0; i < 5; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var deadline = Environment.TickCount64 + 20_000;
        while ((await PushChannelHost.ChannelsAsync(host)).Any(c => c.ChannelId == old.ChannelId) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50, Ct);
        }

        (await PushChannelHost.ChannelsAsync(host)).ShouldHaveSingleItem().ChannelId.ShouldNotBe(old.ChannelId);
    }

    [Fact]
    public async Task Disconnect_ConnectionWithAChannel_StopsItAtGoogleAndRemovesIt()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        await Watcher.WatchAsync(calendar.Id, cancellationToken: Ct);
        await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct);

        await _host.Get<IConnectionManager>().DisconnectAsync(calendar.Id, Ct);
        _host.Sandbox.Control.CreateCalendarEvent();

        (await _host.Sandbox.Webhooks.DeliverPendingAsync(Ct)).ShouldBeEmpty();
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WatchAsync_TtlOutOfRange_ThrowsNamingTtlAndRegistersNothing()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");

        var error = await Should.ThrowAsync<ArgumentException>(() => Watcher.WatchAsync(calendar.Id, ttl: TimeSpan.FromSeconds(5), cancellationToken: Ct));

        error.Message.ShouldStartWith("ttl:");
        (await PushChannelHost.ChannelsAsync(_host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WatchAsync_WithoutPublicBaseUrl_FailsNamingTheSetting()
    {
        await using var host = await PushChannelHost.StartAsync(new() { ["Mooring:Connections:PublicBaseUrl"] = null });
        var calendar = await host.OAuthAsync("google-calendar", "cal-1");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.Get<IPushChannelWatcher>().WatchAsync(calendar.Id, cancellationToken: Ct));

        error.Message.ShouldContain("Mooring:Connections:PublicBaseUrl");
        (await PushChannelHost.ChannelsAsync(host)).ShouldBeEmpty();
    }
}
