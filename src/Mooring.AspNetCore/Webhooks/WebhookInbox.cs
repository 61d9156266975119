using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// The durable inbox's front door: every verified event joins the batch forming in the group-commit writer, and the
/// caller learns whether it was new only after that batch committed. Nothing is acknowledged before it is on disk.
/// </summary>
internal sealed class WebhookInbox : IAsyncDisposable
{
    private readonly BatchingWriter<WebhookEventRecord, bool> _writer;
    private readonly WebhookSignal _signal;

    public WebhookInbox(IWebhookEventStore store, WebhookSignal signal, IOptions<WebhookOptions> options, ILogger<WebhookInbox> logger)
    {
        _signal = signal;
        _writer = new BatchingWriter<WebhookEventRecord, bool>(store.AppendAsync, options.Value.WriteBatchSize, options.Value.WriteQueueCapacity, logger);
    }

    /// <summary>Stores the event; returns <see langword="true"/> if it was new, <see langword="false"/> for a duplicate.</summary>
    public async ValueTask<bool> AcceptAsync(WebhookEventRecord webhookEvent, CancellationToken cancellationToken)
    {
        var isNew = await _writer.WriteAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        if (isNew)
        {
            _signal.Pulse();
        }

        return isNew;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
