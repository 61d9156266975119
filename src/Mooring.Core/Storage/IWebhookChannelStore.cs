using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Stores the push notification channels registered with Mooring (<see cref="WebhookChannelRecord"/>).</summary>
public interface IWebhookChannelStore
{
    /// <summary>Stores a new channel.</summary>
    /// <exception cref="DuplicateKeyException">The provider has a channel with this id.</exception>
    Task AddAsync(WebhookChannelRecord channel, CancellationToken cancellationToken);

    /// <summary>The channel, or <see langword="null"/>.</summary>
    Task<WebhookChannelRecord?> GetAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken);

    /// <summary>The channels matching <paramref name="query"/>, ordered by channel id.</summary>
    Task<IReadOnlyList<WebhookChannelRecord>> ListAsync(WebhookChannelQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the provider answered to the watch request that opened the channel: the watched resource's id and the
    /// expiration it granted. False when there is no such channel.
    /// </summary>
    Task<bool> SetWatchedAsync(ProviderKey provider, string channelId, string resourceId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes the channel; false when there was none.</summary>
    Task<bool> DeleteAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken);

    /// <summary>Deletes the channels that expired at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
