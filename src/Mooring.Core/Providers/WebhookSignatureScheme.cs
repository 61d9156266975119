namespace Mooring.Providers;

/// <summary>How a provider proves that a webhook came from it.</summary>
public enum WebhookSignatureScheme
{
    /// <summary>Webhooks are not supported or not signed.</summary>
    None,

    /// <summary>Stripe: <c>Stripe-Signature: t=…,v1=…</c>, HMAC-SHA256 of <c>{t}.{body}</c> in hex.</summary>
    Stripe,

    /// <summary>Slack: <c>X-Slack-Signature: v0=…</c>, HMAC-SHA256 of <c>v0:{X-Slack-Request-Timestamp}:{body}</c> in hex.</summary>
    SlackV0,

    /// <summary>GitHub: <c>X-Hub-Signature-256: sha256=…</c>, HMAC-SHA256 of the body in hex; no timestamp.</summary>
    GitHubSha256,

    /// <summary>Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,…</c> (base64).</summary>
    StandardWebhooks,

    /// <summary>Google push channels: the secret token set on the channel comes back in <c>X-Goog-Channel-Token</c>.</summary>
    GoogleChannelToken,

    /// <summary>Google Cloud Pub/Sub push: a Google-signed OIDC token in the <c>Authorization</c> header.</summary>
    GooglePubSubOidc,

    /// <summary>Shopify: <c>X-Shopify-Hmac-Sha256</c>, HMAC-SHA256 of the body in base64.</summary>
    Shopify,

    /// <summary>Any other provider that signs the body with an HMAC; algorithm, encoding and prefix are configured (<c>Mooring:Webhooks:Providers:{key}:Hmac</c>).</summary>
    Hmac,
}
