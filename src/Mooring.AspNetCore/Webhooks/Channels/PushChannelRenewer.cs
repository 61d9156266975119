using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Hosting;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>
/// Every <see cref="PushChannelOptions.RenewInterval"/>, renews the push channels Mooring opened that are about to expire
/// (<see cref="PushChannelRules.DueForRenewal"/>): a new channel first, then the old one stopped. A channel that cannot be
/// renewed (its connection needs reconnecting, Google refuses) is logged and tried again at the next pass until it expires.
/// </summary>
internal sealed partial class PushChannelRenewer(
    IWebhookChannelStore store,
    PushChannelWatcher watcher,
    ReceivingProviders providers,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<PushChannelRenewer> logger) : BackgroundService
{
    private const int PageSize = 100;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicPass.RunAsync(
        options.Value.PushChannels.RenewInterval, time, RunOnceAsync, ex => Log.PassFailed(logger, ex), stoppingToken);

    /// <summary>One pass; returns how many channels it renewed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.PushChannels;
        var now = time.GetUtcNow();
        var renewed = 0;
        foreach (var provider in providers.ChannelProviders())
        {
            var due = new List<WebhookChannelRecord>();
            string? after = null;
            IReadOnlyList<WebhookChannelRecord> page;
            do
            {
                page = await store.ListAsync(
                    new WebhookChannelQuery { Provider = provider, Managed = true, ExpiringBefore = now + settings.RenewBefore, After = after, Limit = PageSize },
                    cancellationToken).ConfigureAwait(false);
                due.AddRange(page.Where(c => PushChannelRules.DueForRenewal(c, now, settings)));
                after = page.Count > 0 ? page[^1].ChannelId : null;
            }
            while (page.Count == PageSize);

            foreach (var channel in due)
            {
                if (await TryRenewAsync(channel, cancellationToken).ConfigureAwait(false))
                {
                    renewed++;
                }
            }
        }

        return renewed;
    }

    private async Task<bool> TryRenewAsync(WebhookChannelRecord channel, CancellationToken cancellationToken)
    {
        try
        {
            return await watcher.RenewAsync(channel, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RenewFailed(logger, ex, channel.Provider.Value, channel.ChannelId, channel.ConnectionId.Value, channel.ExpiresAt);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not renew the {Provider} push channel {ChannelId} of connection {ConnectionId}, which expires at {ExpiresAt}; trying again at the next pass")]
        public static partial void RenewFailed(ILogger logger, Exception exception, string provider, string channelId, string connectionId, DateTimeOffset expiresAt);

        [LoggerMessage(2, LogLevel.Error, "A push channel renewal pass failed")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
