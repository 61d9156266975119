namespace Mooring.Webhooks;

/// <summary>Checks that a delivery was signed by the provider, with any of the secrets currently active.</summary>
internal interface IWebhookVerifier
{
    /// <summary>Returns <see langword="null"/> when the delivery is authentic, else why not. Never throws on bad input.</summary>
    WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now);
}
