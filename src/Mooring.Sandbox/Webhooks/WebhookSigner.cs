using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mooring.Sandbox.Webhooks;

/// <summary>Computes each provider's signature headers. Written from the providers' documentation, independently of Mooring's verifiers.</summary>
public static class WebhookSigner
{
    /// <summary>Signs a message with a scheme's headers, as of <paramref name="timestamp"/>.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="secret">The signing secret (Stripe's and Standard Webhooks' start with <c>whsec_</c>).</param>
    /// <param name="message">The message.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <returns>The signed webhook.</returns>
    public static SignedWebhook Sign(WebhookScheme scheme, string secret, WebhookMessage message, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(message);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = message.Body;
        List<KeyValuePair<string, string>> headers = scheme switch
        {
            WebhookScheme.Stripe =>
            [
                new("Stripe-Signature", $"t={t},v1={Hex(Encoding.UTF8.GetBytes(secret), $"{t}.{body}")}"),
                new("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"),
            ],
            WebhookScheme.Slack =>
            [
                new("X-Slack-Request-Timestamp", t),
                new("X-Slack-Signature", "v0=" + Hex(Encoding.UTF8.GetBytes(secret), $"v0:{t}:{body}")),
                new("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)"),
            ],
            WebhookScheme.GitHub =>
            [
                new("X-GitHub-Event", message.EventType),
                new("X-GitHub-Delivery", message.Id),
                new("X-GitHub-Hook-ID", "1"),
                new("X-Hub-Signature-256", "sha256=" + Hex(Encoding.UTF8.GetBytes(secret), body)),
                new("User-Agent", "GitHub-Hookshot/sandbox"),
            ],
            _ =>
            [
                new("webhook-id", message.Id),
                new("webhook-timestamp", t),
                new("webhook-signature", "v1," + Convert.ToBase64String(HMACSHA256.HashData(StandardKey(secret), Encoding.UTF8.GetBytes($"{message.Id}.{t}.{body}")))),
            ],
        };
        return new SignedWebhook(message, headers);
    }

    /// <summary>Makes a fresh Standard Webhooks secret: <c>whsec_</c> and 24 random bytes in base64.</summary>
    /// <returns>The secret.</returns>
    public static string NewStandardSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static byte[] StandardKey(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);

    private static string Hex(byte[] key, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
}
