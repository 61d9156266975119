using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;
using Mooring.Webhooks.Verifiers;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>
/// The channel a push notification names, looked up before it is verified: the channels from configuration, then the
/// store's. A channel found in the store is kept for a minute (at most <see cref="MaxEntries"/> of them), so that its
/// steady stream of notifications costs no query each; an id found nowhere is asked again every time, so that a channel
/// registered by another instance is known at once. A channel removed by another instance is accepted for up to a minute.
/// </summary>
internal sealed class WebhookChannels(IWebhookChannelStore store, IOptions<WebhookOptions> options, TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly Lazy<FrozenDictionary<(string Provider, string Id), WebhookChannelRecord>> _configured = new(() => Configured(options.Value));
    private readonly ConcurrentDictionary<(string Provider, string Id), (DateTimeOffset Until, WebhookChannelRecord Channel)> _stored = new();

    /// <summary>The channel, or <see langword="null"/> when none has the id; a store failure throws.</summary>
    public async ValueTask<WebhookChannelRecord?> FindAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken)
    {
        var key = (provider.Value, channelId);
        if (_configured.Value.TryGetValue(key, out var configured))
        {
            return configured;
        }

        var now = time.GetUtcNow();
        if (_stored.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Channel;
        }

        if (channelId.Length > WebhookChannelRules.MaxIdLength)
        {
            return null;
        }

        var stored = await store.GetAsync(provider, channelId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _stored.TryRemove(key, out _);
            return null;
        }

        if (_stored.Count >= MaxEntries)
        {
            _stored.Clear();
        }

        _stored[key] = (now + Freshness, stored);
        return stored;
    }

    public bool IsConfigured(ProviderKey provider, string channelId) => _configured.Value.ContainsKey((provider.Value, channelId));

    /// <summary>Drops what this instance remembers of a stored channel, after it was registered or removed here.</summary>
    public void Forget(ProviderKey provider, string channelId) => _stored.TryRemove((provider.Value, channelId), out _);

    private static FrozenDictionary<(string Provider, string Id), WebhookChannelRecord> Configured(WebhookOptions options) =>
        options.Providers
            .SelectMany(p => p.Value.Channels.Select(c => new WebhookChannelRecord
            {
                Provider = ProviderKey.Parse(p.Key.ToLowerInvariant()),
                ChannelId = c.Key,
                TokenHash = c.Value.Token is { } token ? GoogleChannelVerifier.HashToken(token) : null,
                ConnectionId = ConnectionId.Parse(c.Value.ConnectionId!),
                ExpiresAt = c.Value.Expiration!.Value,
            }))
            .ToFrozenDictionary(c => (c.Provider.Value, c.ChannelId));
}
