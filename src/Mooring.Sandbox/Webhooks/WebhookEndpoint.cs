namespace Mooring.Sandbox.Webhooks;

/// <summary>A receiver registered with an emulated provider, as a developer registers one in the provider's dashboard.</summary>
internal sealed class WebhookEndpoint(string provider, Uri url, string secret, WebhookScheme scheme, WebhookDeliveryOptions delivery)
{
    public string Provider { get; } = provider;

    public Uri Url { get; } = url;

    public string Secret { get; } = secret;

    public WebhookScheme Scheme { get; } = scheme;

    public WebhookDeliveryOptions Delivery { get; } = delivery;

    /// <summary>Gets or sets how many of the provider's messages this endpoint has been sent.</summary>
    public int Position { get; set; }
}
