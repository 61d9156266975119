using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>The pool of workers (<see cref="WebhookOptions.Workers"/>) that process stored events in this instance.</summary>
internal sealed partial class WebhookWorker(WebhookProcessor processor, WebhookSignal signal, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        return Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => RunAsync($"{instance}:{i}", stoppingToken)));
    }

    private async Task RunAsync(string owner, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = signal.NextPulse;
            var leased = 0;
            try
            {
                leased = await processor.ProcessBatchAsync(owner, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, ex, owner);
            }

            if (leased < settings.BatchSize)
            {
                await WebhookSignal.WaitAsync(pulse, settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Webhook worker {Owner} could not lease or record events; it retries at the next poll")]
        public static partial void RoundFailed(ILogger logger, Exception exception, string owner);
    }
}
