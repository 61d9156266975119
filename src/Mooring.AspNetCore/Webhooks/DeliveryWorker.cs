using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Sends the forwarding outbox to the host app when <see cref="WebhookForwardingOptions.Url"/> is set.</summary>
internal sealed partial class DeliveryWorker(
    IWebhookDeliveryStore deliveries, DeliverySender sender, WebhookForwarder forwarder, IOptions<WebhookOptions> options, TimeProvider time, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Forwarding.Url is null)
        {
            return;
        }

        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}:sender";
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = forwarder.Queued.NextPulse;
            var leased = 0;
            try
            {
                var batch = await deliveries.LeaseAsync(owner, time.GetUtcNow(), settings.Forwarding.Timeout * 2, settings.Forwarding.Concurrency, stoppingToken).ConfigureAwait(false);
                leased = batch.Count;
                await Task.WhenAll(batch.Select(d => sender.SendAsync(d, owner, stoppingToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, ex);
            }

            if (leased < settings.Forwarding.Concurrency)
            {
                await WebhookSignal.WaitAsync(pulse, settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Forwarding webhooks to the app failed this round; the deliveries are retried when their lease ends")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
