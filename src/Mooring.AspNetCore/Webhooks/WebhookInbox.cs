using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// The durable inbox's front door: every verified event joins the batch forming in a group-commit writer, and the
/// caller learns whether it was new only after that batch committed. Nothing is acknowledged before it is on disk.
/// On PostgreSQL several writers may take turns, so that one batch commits while the next ones are being sent.
/// Events go to this process's workers from memory when they have room (<see cref="WebhookHandoff"/>).
/// </summary>
internal sealed class WebhookInbox : IAsyncDisposable
{
    private readonly BatchingWriter<WebhookEventRecord, bool>[] _writers;
    private readonly IWebhookEventStore _store;
    private readonly WebhookSignal _signal;
    private readonly WebhookHandoff _handoff;
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseDuration;
    private int _next;

    public WebhookInbox(
        IWebhookEventStore store, WebhookSignal signal, WebhookHandoff handoff, WebhookWriteGate gate, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookInbox> logger)
    {
        _store = store;
        _signal = signal;
        _handoff = handoff;
        _time = time;
        var settings = options.Value;
        _leaseDuration = settings.LeaseDuration;
        _writers = [.. Enumerable.Range(0, gate.InboxWriters(settings)).Select(_ => new BatchingWriter<WebhookEventRecord, bool>(
            (batch, ct) => gate.RunAsync(c => AppendAsync(batch, c), ct), settings.WriteBatchSize, settings.WriteQueueCapacity, logger))];
    }

    /// <summary>Stores the event; returns <see langword="true"/> if it was new, <see langword="false"/> for a duplicate.</summary>
    public async ValueTask<bool> AcceptAsync(WebhookEventRecord webhookEvent, CancellationToken cancellationToken)
    {
        var writer = _writers[(int)((uint)Interlocked.Increment(ref _next) % (uint)_writers.Length)];
        var isNew = await writer.WriteAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        if (isNew)
        {
            _signal.Pulse();
        }

        return isNew;
    }

    /// <summary>
    /// Stores a batch. When this process's workers have room (<see cref="WebhookHandoff"/>), the events are stored already
    /// leased to them and handed over in memory, so that processing costs no lease round in the store.
    /// </summary>
    private async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<WebhookEventRecord> batch, CancellationToken cancellationToken)
    {
        if (!_handoff.TryReserve(batch.Count))
        {
            return [.. (await _store.AppendAsync(batch, cancellationToken).ConfigureAwait(false)).Select(id => id is not null)];
        }

        var until = _time.GetUtcNow() + _leaseDuration;
        var leased = new WebhookEventRecord[batch.Count];
        for (var i = 0; i < leased.Length; i++)
        {
            leased[i] = batch[i] with { Status = WebhookEventStatus.Processing, Attempts = 1, LeaseOwner = _handoff.Owner, LeaseExpiresAt = until };
        }

        IReadOnlyList<long?> ids;
        try
        {
            ids = await _store.AppendAsync(leased, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _handoff.Release(batch.Count);
            throw;
        }

        var isNew = new bool[batch.Count];
        for (var i = 0; i < isNew.Length; i++)
        {
            if (ids[i] is { } id)
            {
                isNew[i] = true;
                _handoff.Add(leased[i] with { Id = id });
            }
        }

        _handoff.Release(isNew.Count(n => !n));
        return isNew;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
