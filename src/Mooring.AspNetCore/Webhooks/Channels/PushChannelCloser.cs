using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>
/// When a connection is being disconnected, while its credentials still work, its push channels are stopped at the
/// provider (<see cref="ConnectionEventKind.Disconnecting"/>); a channel the provider will not stop is logged and its
/// registration removed anyway, so that its notifications are refused from then on.
/// </summary>
internal sealed partial class PushChannelCloser(
    IWebhookChannelRegistry registry, IPushChannelWatcher watcher, ILogger<PushChannelCloser> logger) : IConnectionEventHandler
{
    public async Task HandleAsync(ConnectionEvent connectionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionEvent);
        if (connectionEvent.Kind != ConnectionEventKind.Disconnecting)
        {
            return;
        }

        var connection = connectionEvent.Connection;
        var query = new WebhookChannelQuery { Provider = connection.Provider, ConnectionId = connection.Id, Limit = 1000 };
        IReadOnlyList<WebhookChannelRecord> page;
        do
        {
            page = await registry.ListAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var channel in page)
            {
                try
                {
                    await watcher.StopAsync(channel.Provider, channel.ChannelId, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.StopFailed(logger, ex, channel.Provider.Value, channel.ChannelId, connection.Id.Value);
                    await registry.RemoveAsync(channel.Provider, channel.ChannelId, cancellationToken).ConfigureAwait(false);
                }
            }

            query = query with { After = page.Count > 0 ? page[^1].ChannelId : null };
        }
        while (page.Count == query.Limit);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not stop the {Provider} push channel {ChannelId} of the disconnected connection {ConnectionId}; its registration is removed, so its notifications are refused until Google ends it")]
        public static partial void StopFailed(ILogger logger, Exception exception, string provider, string channelId, string connectionId);
    }
}
