using Microsoft.Extensions.Logging.Abstractions;
using Mooring.Storage;

namespace Mooring.Core.Tests.Storage;

public sealed class BatchingWriterTests
{
    [Fact]
    public async Task WriteAsync_ManyConcurrentCallers_AreGroupedAndEachGetsItsOwnResult()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int>();
        await using var writer = new BatchingWriter<int, int>(async (items, _) =>
        {
            await gate.Task; // the first flush waits, so the others pile up behind it
            lock (batches)
            {
                batches.Add(items.Count);
            }

            return items.Select(i => i * 10).ToList();
        }, maxBatch: 64, capacity: 1000, NullLogger.Instance);

        var writes = Enumerable.Range(0, 200).Select(i => writer.WriteAsync(i, CancellationToken.None).AsTask()).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(writes);

        results.ShouldBe(Enumerable.Range(0, 200).Select(i => i * 10));
        batches.Sum().ShouldBe(200);
        batches.ShouldAllBe(n => n <= 64);
        batches.Count.ShouldBeLessThan(200 / 2, "writes queued during a flush join one batch");
    }

    [Fact]
    public async Task WriteAsync_FlushFails_EveryCallerInTheBatchSeesTheFailure()
    {
        await using var writer = new BatchingWriter<int, bool>((_, _) => throw new InvalidOperationException("disk full"), 16, 100, NullLogger.Instance);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => writer.WriteAsync(1, CancellationToken.None).AsTask());

        error.Message.ShouldBe("disk full");
    }

    [Fact]
    public async Task DisposeAsync_DrainsWhatWasAccepted()
    {
        var written = 0;
        var writer = new BatchingWriter<int, bool>((items, _) =>
        {
            Interlocked.Add(ref written, items.Count);
            return Task.FromResult<IReadOnlyList<bool>>(items.Select(_ => true).ToList());
        }, 8, 100, NullLogger.Instance);
        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(i, CancellationToken.None).AsTask()).ToList();

        await writer.DisposeAsync();
        await Task.WhenAll(writes);

        written.ShouldBe(50);
    }
}
