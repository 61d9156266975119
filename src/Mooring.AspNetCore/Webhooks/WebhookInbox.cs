using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// The durable inbox's front door: every verified event joins the batch forming in a group-commit writer, and the
/// caller learns whether it was new only after that batch committed. Nothing is acknowledged before it is on disk.
/// On PostgreSQL several writers take turns, so that one batch commits while the next ones are being sent.
/// </summary>
internal sealed class WebhookInbox : IAsyncDisposable
{
    private readonly BatchingWriter<WebhookEventRecord, bool>[] _writers;
    private readonly WebhookSignal _signal;
    private int _next;

    public WebhookInbox(IWebhookEventStore store, WebhookSignal signal, WebhookWriteGate gate, IOptions<WebhookOptions> options, ILogger<WebhookInbox> logger)
    {
        _signal = signal;
        var settings = options.Value;
        _writers = [.. Enumerable.Range(0, gate.InboxWriters(settings)).Select(_ => new BatchingWriter<WebhookEventRecord, bool>(
            (batch, ct) => gate.RunAsync(c => store.AppendAsync(batch, c), ct), settings.WriteBatchSize, settings.WriteQueueCapacity, logger))];
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

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
