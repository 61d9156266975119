using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>A verified delivery read into an event to store, a refusal, or a handshake to answer without storing anything.</summary>
internal readonly record struct WebhookReadResult(WebhookEventRecord? Event, WebhookRejection? Rejection, WebhookHandshake? Handshake)
{
    public static WebhookReadResult Stored(WebhookEventRecord e) => new(e, null, null);

    public static WebhookReadResult Refused(WebhookRejection rejection) => new(null, rejection, null);

    public static WebhookReadResult Answered(WebhookHandshake handshake) => new(null, null, handshake);
}
