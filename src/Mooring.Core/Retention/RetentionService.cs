using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Hosting;

namespace Mooring.Retention;

/// <summary>
/// Deletes what has outlived its retention, a minute after start and then every <see cref="RetentionOptions.Interval"/>:
/// each table in batches of <see cref="RetentionOptions.BatchSize"/> rows, each batch its own short transaction. Several
/// instances may run passes at once; a row deleted by one is simply not there for the other.
/// </summary>
internal sealed partial class RetentionService(
    IEnumerable<RetentionTask> tasks,
    IOptions<RetentionOptions> options,
    RetentionMetrics metrics,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromTicks(Math.Min(interval.Ticks, RetentionConstants.FirstPassDelay.Ticks)), time, stoppingToken).ConfigureAwait(false);
        await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        await PeriodicPass.RunAsync(interval, time, RunOnceAsync, ex => Log.PassFailed(logger, ex), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>One pass over every table; returns how many rows went from each. A table whose delete fails is logged and skipped.</summary>
    internal async Task<IReadOnlyDictionary<string, int>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var purged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.Period(settings) is not { } period)
            {
                continue;
            }

            var cutoff = now - period;
            var total = 0;
            try
            {
                int batch;
                do
                {
                    batch = await task.PurgeAsync(cutoff, settings.BatchSize, cancellationToken).ConfigureAwait(false);
                    total += batch;
                }
                while (batch >= settings.BatchSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.PurgeFailed(logger, task.Table, total, ex);
            }

            metrics.Purged(task.Table, total);
            if (total > 0)
            {
                Log.Purged(logger, total, task.Table, cutoff);
            }

            purged[task.Table] = total;
        }

        return purged;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Retention deleted {Count} rows of {Table} older than {Cutoff:u}.")]
        public static partial void Purged(ILogger logger, int count, string table, DateTimeOffset cutoff);

        [LoggerMessage(2, LogLevel.Warning, "Retention could not delete the old rows of {Table} ({Count} deleted before the failure); the next pass tries again.")]
        public static partial void PurgeFailed(ILogger logger, string table, int count, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "A retention pass failed; the next one tries again.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
