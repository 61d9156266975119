using System.Collections.Concurrent;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// Whether the connection an event is attributed to (named by <c>/webhooks/{provider}/{connection}</c>, or the connection
/// of its channel) exists and belongs to the provider. It is asked
/// only once the signature is verified, and each answer is kept for a minute (at most <see cref="MaxEntries"/> of them),
/// so that a provider's steady stream costs no query per webhook; a connection deleted meanwhile is accepted for up to a minute.
/// </summary>
internal sealed class WebhookConnections(IConnectionStore connections, TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private static readonly WebhookRejection NotThisProviders = WebhookRejection.UnknownConnection("No connection of this provider has the id that the path or the channel names.");
    private readonly ConcurrentDictionary<ConnectionId, (DateTimeOffset Until, ProviderKey? Provider)> _known = new();

    /// <summary>The refusal, or <see langword="null"/> when <paramref name="id"/> is a connection of <paramref name="provider"/>; a store failure throws.</summary>
    public async ValueTask<WebhookRejection?> CheckAsync(ProviderKey provider, ConnectionId id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_known.TryGetValue(id, out var known) || known.Until <= now)
        {
            var stored = await connections.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (_known.Count >= MaxEntries)
            {
                _known.Clear();
            }

            known = (now + Freshness, stored?.Connection.Provider);
            _known[id] = known;
        }

        return known.Provider == provider ? null : NotThisProviders;
    }
}
