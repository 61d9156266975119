using System.Globalization;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.PushChannels;

/// <summary>
/// The sandbox and an app that receives google-calendar notifications over real HTTP on loopback (no shared tokens: a
/// channel must have its own), with webhook workers off so that tests process events when they choose.
/// </summary>
internal static class PushChannelHost
{
    public static Task<SyncHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Mooring:Webhooks:Providers:google-calendar"] = string.Empty,
            ["Mooring:Webhooks:Workers"] = "0",
            ["Mooring:Webhooks:PushChannels:RenewInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return SyncHost.StartAsync(o => o.Data.CalendarEvents = 20, settings: all, listen: true);
    }

    /// <summary>A notification as Google sends it, naming <paramref name="channelId"/>, with a token that is not the channel's.</summary>
    public static async Task<HttpResponseMessage> NotifyAsync(SyncHost host, string channelId, int number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/google-calendar") { Content = new ByteArrayContent([]) };
        request.Headers.Add("X-Goog-Channel-ID", channelId);
        request.Headers.Add("X-Goog-Channel-Token", "a-token-that-nobody-gave-out");
        request.Headers.Add("X-Goog-Message-Number", number.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Resource-ID", "resource");
        request.Headers.Add("X-Goog-Resource-State", "exists");
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<WebhookChannelRecord>> ChannelsAsync(SyncHost host, string connection = "cal-1") =>
        await host.Get<IWebhookChannelStore>().ListAsync(
            new WebhookChannelQuery { Provider = ProviderKey.Parse("google-calendar"), ConnectionId = ConnectionId.Parse(connection) }, TestContext.Current.CancellationToken);

    public static async Task<IReadOnlyList<WebhookEventRecord>> EventsAsync(SyncHost host) =>
        await host.Get<IWebhookEventStore>().ListAsync(new WebhookEventQuery { Limit = 100 }, TestContext.Current.CancellationToken);
}
