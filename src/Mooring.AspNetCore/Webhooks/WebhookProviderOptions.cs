namespace Mooring.Webhooks;

/// <summary>One provider's webhook secrets and settings (<c>Mooring:Webhooks:Providers:{key}</c>).</summary>
public sealed class WebhookProviderOptions
{
    /// <summary>
    /// The signing secrets (Stripe <c>whsec_…</c>, Slack signing secret, GitHub webhook secret, Standard Webhooks
    /// <c>whsec_…</c>, Shopify client secret). A delivery signed with any of them is accepted, so that a secret can be
    /// rotated without downtime: add the new one, switch the provider, remove the old one. For Google push channels they
    /// are the shared channel tokens: the tokens accepted for a registered channel that has no token of its own.
    /// </summary>
    /// <value>The default value is empty; at least one is required, except for Google push channels.</value>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// Push notification channels known from configuration, by channel id (Google push channels only); more are
    /// registered at run time through <see cref="IWebhookChannelRegistry"/> or <c>POST /api/webhooks/channels</c>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public Dictionary<string, WebhookChannelOptions> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The parameters of the generic <c>Hmac</c> scheme; ignored by other schemes.</summary>
    /// <value>The default value is HMAC-SHA256 in hex without prefix.</value>
    public WebhookHmacOptions Hmac { get; set; } = new();

    /// <summary>
    /// The connection metadata key whose value is the provider-side account of an event (Slack <c>team_id</c>, Stripe
    /// <c>account_id</c>, GitHub <c>installation_id</c>), used to attribute events to connections.
    /// </summary>
    /// <value>The default value is the provider's usual key (see docs/webhooks.md), else <c>webhook_account</c>.</value>
    public string? AccountMetadataKey { get; set; }
}
