namespace Mooring.Sandbox.Webhooks;

/// <summary>The signature schemes the sender signs with, each exactly as its provider does.</summary>
public enum WebhookScheme
{
    /// <summary><c>Stripe-Signature: t={unix},v1={hex HMAC-SHA256 of "{t}.{body}"}</c>, keyed with the whole <c>whsec_</c> secret.</summary>
    Stripe,

    /// <summary><c>X-Slack-Signature: v0={hex HMAC-SHA256 of "v0:{ts}:{body}"}</c> with <c>X-Slack-Request-Timestamp</c>.</summary>
    Slack,

    /// <summary><c>X-Hub-Signature-256: sha256={hex HMAC-SHA256 of body}</c> with <c>X-GitHub-Event</c> and <c>X-GitHub-Delivery</c>.</summary>
    GitHub,

    /// <summary>Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,{base64}</c> over "{id}.{ts}.{body}", keyed with the base64 part of a <c>whsec_</c> secret.</summary>
    StandardWebhooks,
}
