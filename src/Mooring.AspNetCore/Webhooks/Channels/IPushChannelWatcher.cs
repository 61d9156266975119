using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>
/// Opens and stops Google Calendar push channels for a connection: Mooring chooses the channel's id and token, registers
/// the channel (with <see cref="IWebhookChannelRegistry"/>) before the <c>events.watch</c> request, which goes through the
/// connection's own outbound pipeline, and renews the channel before it expires
/// (<see cref="PushChannelOptions"/>) until it is stopped or the connection is disconnected. Its notifications arrive at
/// <c>{Mooring:Connections:PublicBaseUrl}/webhooks/{provider}</c> and start the connection's calendar sync.
/// </summary>
public interface IPushChannelWatcher
{
    /// <summary>
    /// Opens a channel on the events of <paramref name="calendarId"/> and registers it; if the watch request fails the
    /// registration is removed and the failure is thrown.
    /// </summary>
    /// <param name="connectionId">A connection of a provider whose webhook scheme is GoogleChannelToken, such as <c>google-calendar</c>.</param>
    /// <param name="calendarId">The calendar; <c>primary</c> is the user's own.</param>
    /// <param name="ttl">How long the channel should live, 1 minute to 30 days; Google may grant less. <see cref="PushChannelOptions.DefaultTtl"/> when omitted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered channel, with the expiration Google granted and its resource id; never its token.</returns>
    /// <exception cref="ArgumentException">The ttl is out of range, or the registry refused the channel (the message names the field).</exception>
    /// <exception cref="InvalidOperationException"><c>Mooring:Connections:PublicBaseUrl</c> is not set: Google needs an address to send to.</exception>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    /// <exception cref="ProviderApiException">Google refused or failed the watch request.</exception>
    Task<WebhookChannelRecord> WatchAsync(ConnectionId connectionId, string calendarId = "primary", TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a channel and removes its registration. A channel Mooring opened is stopped at Google first
    /// (<c>channels.stop</c>; one Google no longer knows counts as stopped); a channel an app registered is only removed.
    /// </summary>
    /// <param name="provider">The channel's provider.</param>
    /// <param name="channelId">The channel's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>False when no such channel was registered.</returns>
    /// <exception cref="ProviderApiException">Google refused or failed the stop request; the registration is kept, so that it can be tried again.</exception>
    Task<bool> StopAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken = default);
}
