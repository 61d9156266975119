using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Storage;

namespace Mooring.Outbound.RequestLog;

/// <summary>
/// Writes the request log in the background: what gathered over <see cref="RequestLogOptions.FlushInterval"/> (or a
/// whole batch, if that comes first), in batches of up to <see cref="RequestLogOptions.BatchSize"/>, one transaction each. A failed batch is logged and dropped (the log is
/// for people; the calls it describes have happened). Stopping writes what is left.
/// </summary>
internal sealed partial class RequestLogWriter(RequestLogQueue queue, IServiceProvider services, TimeProvider time, ILogger<RequestLogWriter> logger) : BackgroundService
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Writes every entry queued before the call; for tests and for shutdown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var store = services.GetService<IRequestLogStore>();
        if (store is null)
        {
            return;
        }

        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<RequestLogEntry>(queue.BatchSize);
            while (queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                if (batch.Count == queue.BatchSize)
                {
                    await WriteAsync(store, batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(store, batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Enabled)
        {
            return;
        }

        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (queue.Reader.Count < queue.BatchSize && queue.FlushInterval > TimeSpan.Zero)
                {
                    await Task.Delay(queue.FlushInterval, time, stoppingToken).ConfigureAwait(false);
                }

                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(IRequestLogStore store, List<RequestLogEntry> batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync([.. batch], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WriteFailed(logger, ex, batch.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Warning, "Writing {Count} request log entries failed; they are dropped")]
        public static partial void WriteFailed(ILogger logger, Exception exception, int count);
    }
}
