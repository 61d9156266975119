using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>
/// The push notification channels Mooring accepts notifications from (Google push channels): register a channel
/// <em>before</em> the watch request that creates it, since Google sends its <c>sync</c> message at once, and remove it
/// when the channel is stopped. What the management API does under <c>/api/webhooks/channels</c>, as a service from DI.
/// </summary>
public interface IWebhookChannelRegistry
{
    /// <summary>
    /// Registers a channel; registering also deletes the stored channels that have expired. The token is kept only as its
    /// SHA-256.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The registration does not fit (the message names the field): the provider does not receive channel notifications
    /// here, the id or token is malformed, no token is given and the provider has no shared tokens, the connection is not
    /// one of the provider's, or the expiration has passed.
    /// </exception>
    /// <exception cref="DuplicateKeyException">The provider has a channel with this id (registered or configured).</exception>
    Task<WebhookChannelRecord> RegisterAsync(WebhookChannelRegistration registration, CancellationToken cancellationToken);

    /// <summary>The registered channel, or <see langword="null"/>; channels from configuration are not listed here.</summary>
    Task<WebhookChannelRecord?> GetAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken);

    /// <summary>The registered channels matching <paramref name="query"/>, ordered by channel id.</summary>
    Task<IReadOnlyList<WebhookChannelRecord>> ListAsync(WebhookChannelQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a registered channel: its notifications are refused from now on in this instance, and within a minute in
    /// the others. False when there was none.
    /// </summary>
    Task<bool> RemoveAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken);
}
