using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// In standalone mode, queues every processed event for the host app: the outbox row is one of the completion's enlisted
/// writes, so it exists exactly when the event completed.
/// </summary>
internal sealed class WebhookForwarder(IWebhookDeliveryStore deliveries, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>Pulsed when deliveries were queued, to wake the senders.</summary>
    public WebhookSignal Queued { get; } = new();

    public void Enlist(WebhookContext context)
    {
        if (options.Value.Forwarding.Url is not { } url)
        {
            return;
        }

        var delivery = new WebhookDeliveryRecord
        {
            WebhookEventId = context.Event.Id,
            Target = url,
            MessageId = MessageId(context.Event),
            CreatedAt = time.GetUtcNow(),
        };
        context.Enlist((tx, ct) => deliveries.EnqueueAsync(tx, delivery, ct));
    }

    /// <summary>Stable across attempts and replays of a delivery, so that the app can de-duplicate.</summary>
    public static string MessageId(WebhookEventRecord webhookEvent) => $"msg_{webhookEvent.Provider.Value}_{webhookEvent.Id}";
}
