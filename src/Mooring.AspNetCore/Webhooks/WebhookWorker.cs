using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>The pool of workers (<see cref="WebhookOptions.Workers"/>) that process stored events in this instance.</summary>
internal sealed partial class WebhookWorker(
    WebhookProcessor processor,
    WebhookHandoff handoff,
    IWebhookEventStore store,
    WebhookWriteGate gate,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookWorker> logger)
    : BackgroundService
{
    // The lease owner of each worker, and, for the release at a graceful stop, the inbox's owner of handed-over events.
    private readonly string[] _owners = [.. Enumerable.Range(0, options.Value.Workers).Select(i => $"{handoff.Instance}:{i}")];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_owners.Select(owner => RunAsync(owner, stoppingToken)));

    /// <summary>
    /// A graceful stop (the server has stopped taking requests, the workers have finished their rounds): what this instance
    /// received or leased but did not finish goes back to the queue at once, instead of waiting out its lease, for the next
    /// start or another instance. (Disposing the host without stopping it skips this, as a crash would.)
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.Workers == 0)
        {
            return;
        }

        try
        {
            var released = await gate.RunAsync(ct => store.ReleaseAsync([.. _owners, handoff.Owner], time.GetUtcNow(), ct), cancellationToken).ConfigureAwait(false);
            Log.Released(logger, released);
        }
        catch (Exception ex)
        {
            Log.ReleaseFailed(logger, ex);
        }
    }

    private async Task RunAsync(string owner, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var lastStoreRound = long.MinValue;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = signal.NextPulse;
            var leased = 0;
            try
            {
                // The events received here first, from memory; the store's due events (retries, expired leases, events
                // another instance received) when there were none, and at least once per poll interval under load.
                leased = await processor.ProcessHandedOffAsync(stoppingToken).ConfigureAwait(false);
                if (leased == 0 || lastStoreRound == long.MinValue || time.GetElapsedTime(lastStoreRound) >= settings.PollInterval)
                {
                    lastStoreRound = time.GetTimestamp();
                    leased += await processor.ProcessBatchAsync(owner, stoppingToken).ConfigureAwait(false);
                }
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
                if (settings.WakeDelay > TimeSpan.Zero)
                {
                    await Task.Delay(settings.WakeDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Webhook worker {Owner} could not lease or record events; it retries at the next poll")]
        public static partial void RoundFailed(ILogger logger, Exception exception, string owner);

        [LoggerMessage(2, LogLevel.Information, "Stopping: {Count} unfinished webhook events given back to the queue")]
        public static partial void Released(ILogger logger, int count);

        [LoggerMessage(3, LogLevel.Warning, "Stopping: could not give back the unfinished webhook events; they are taken up again when their leases end")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception);
    }
}
