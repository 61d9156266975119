namespace Mooring.Webhooks;

/// <summary>
/// Handles verified, stored webhook events of one provider (and optionally one event type), registered with
/// <c>OnWebhook&lt;THandler&gt;(…)</c> and resolved from a scope per event. Throwing fails the attempt: the event is
/// retried with backoff and dead-lettered after <see cref="WebhookOptions.MaxAttempts"/>.
/// </summary>
public interface IWebhookHandler
{
    /// <summary>Handles one event. Writes that must happen exactly once go through <see cref="WebhookContext.Enlist"/>.</summary>
    Task HandleAsync(WebhookContext context, CancellationToken cancellationToken);
}
