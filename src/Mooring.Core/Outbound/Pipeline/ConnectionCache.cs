using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Mooring.Connections;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The connections the pipeline calls with, decrypted, for <see cref="OutboundOptions.ConnectionCacheDuration"/>, so
/// that a call does not read and decrypt its connection from the store every time. A 401 on static credentials
/// evicts the entry; OAuth tokens are not served from here (the token manager owns them).
/// </summary>
internal sealed class ConnectionCache(IConnectionVault vault, IOptions<OutboundOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<ConnectionId, Entry> _entries = new();

    public async ValueTask<(Connection Connection, ConnectionCredentials? Credentials)> GetAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(id, out var cached) && now < cached.Until)
        {
            return (cached.Connection, cached.Credentials);
        }

        var (connection, credentials) = await vault.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException(id);
        var duration = options.Value.ConnectionCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            _entries[id] = new Entry(connection, credentials, now + (long)(duration.TotalSeconds * time.TimestampFrequency));
        }

        return (connection, credentials);
    }

    public void Evict(ConnectionId id) => _entries.TryRemove(id, out _);

    private sealed record Entry(Connection Connection, ConnectionCredentials? Credentials, long Until);
}
