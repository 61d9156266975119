using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Mooring.Storage;

/// <summary>
/// Group commit for the hot write paths (webhook inbox, request log): many concurrent callers, one writer. Each
/// caller's item joins whatever batch is forming; the writer flushes it in one transaction and completes every
/// caller with its own result only after the commit. While one flush runs, the next batch accumulates, so throughput
/// grows with load instead of being capped at one disk sync per request.
/// </summary>
/// <typeparam name="TItem">What is written.</typeparam>
/// <typeparam name="TResult">The per-item answer of the flush (for the webhook inbox: whether the event was new).</typeparam>
internal sealed partial class BatchingWriter<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _channel;
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _flush;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public BatchingWriter(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> flush, int maxBatch, int capacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, maxBatch);
        _flush = flush;
        _maxBatch = maxBatch;
        _logger = logger;
        _channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many flushes have run (for tests and metrics).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    private long _flushes;

    /// <summary>Queues <paramref name="item"/> and completes when the batch holding it is committed (or failed).</summary>
    public async ValueTask<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _channel.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);

        // Once queued the item will be written; a caller that stops waiting does not unwrite it.
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false); // drains what was accepted
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<TItem>(_maxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
                items.Add(next.Item);
            }

            try
            {
                var results = await _flush(items, _stopping.Token).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                // Nothing in the batch is acknowledged: every caller sees the failure and can answer 5xx.
                Log.FlushFailed(_logger, ex, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex);
                }
            }

            Interlocked.Increment(ref _flushes);
            batch.Clear();
            items.Clear();
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Completion);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A batch of {Count} writes failed; none of them was acknowledged")]
        public static partial void FlushFailed(ILogger logger, Exception exception, int count);
    }
}
