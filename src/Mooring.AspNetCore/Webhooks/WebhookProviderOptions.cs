namespace Mooring.Webhooks;

/// <summary>One provider's webhook secrets and settings (<c>Mooring:Webhooks:Providers:{key}</c>).</summary>
public sealed class WebhookProviderOptions
{
    /// <summary>
    /// The signing secrets (Stripe <c>whsec_…</c>, Slack signing secret, GitHub webhook secret, Standard Webhooks
    /// <c>whsec_…</c>, Shopify client secret, Google channel token). A delivery signed with any of them is accepted, so
    /// that a secret can be rotated without downtime: add the new one, switch the provider, remove the old one.
    /// </summary>
    /// <value>The default value is empty; at least one is required.</value>
    public List<string> Secrets { get; set; } = [];

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
