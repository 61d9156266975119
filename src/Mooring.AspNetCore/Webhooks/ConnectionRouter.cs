using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// Attributes an event to a connection by the account its payload names (Slack <c>team_id</c>, Stripe <c>account</c>,
/// GitHub <c>installation.id</c>), matched against a metadata value of the provider's connections. The map of a provider
/// is read once a minute at most, so routing costs no query per event.
/// </summary>
internal sealed class ConnectionRouter(IConnectionStore connections, IOptions<WebhookOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, Dictionary<string, ConnectionId> Map)> _maps = new(StringComparer.Ordinal);

    public async ValueTask<ConnectionId?> RouteAsync(WebhookEventRecord webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent.ConnectionId is { } explicitConnection)
        {
            return explicitConnection;
        }

        if (webhookEvent.AccountRef is not { } account)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var provider = webhookEvent.Provider;
        if (!_maps.TryGetValue(provider.Value, out var cached) || cached.Until <= now)
        {
            cached = (now + Freshness, await LoadAsync(provider, cancellationToken).ConfigureAwait(false));
            _maps[provider.Value] = cached;
        }

        return cached.Map.TryGetValue(account, out var id) ? id : null;
    }

    private async Task<Dictionary<string, ConnectionId>> LoadAsync(ProviderKey provider, CancellationToken cancellationToken)
    {
        var metadataKey = MetadataKey(provider);
        var map = new Dictionary<string, ConnectionId>(StringComparer.Ordinal);
        ConnectionId? after = null;
        while (true)
        {
            var page = await connections.ListAsync(new ConnectionQuery { Provider = provider, After = after, Limit = 500 }, cancellationToken).ConfigureAwait(false);
            foreach (var connection in page)
            {
                if (connection.Metadata.TryGetValue(metadataKey, out var account) && !string.IsNullOrEmpty(account))
                {
                    map.TryAdd(account, connection.Id);
                }
            }

            if (page.Count < 500)
            {
                return map;
            }

            after = page[^1].Id;
        }
    }

    private string MetadataKey(ProviderKey provider) =>
        options.Value.Providers.TryGetValue(provider.Value, out var settings) && settings.AccountMetadataKey is { Length: > 0 } key
            ? key
            : WebhookDefaults.AccountMetadataKeys.GetValueOrDefault(provider.Value, WebhookDefaults.AccountMetadataKey);
}
