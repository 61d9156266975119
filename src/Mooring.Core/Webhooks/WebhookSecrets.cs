using System.Text;
using Mooring.Providers;

namespace Mooring.Webhooks;

/// <summary>Turns configured secrets into HMAC keys, and says what is wrong with one that cannot be used.</summary>
internal static class WebhookSecrets
{
    /// <summary>The key bytes: base64 after <c>whsec_</c> for Standard Webhooks, the UTF-8 text for everyone else.</summary>
    public static byte[] ToKey(WebhookSignatureScheme scheme, string secret) =>
        scheme == WebhookSignatureScheme.StandardWebhooks ? DecodeStandardWebhooksSecret(secret)! : Encoding.UTF8.GetBytes(secret);

    /// <summary>A message naming the problem, or <see langword="null"/> when the secret is usable. Never contains the secret.</summary>
    public static string? Problem(WebhookSignatureScheme scheme, string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return "is empty";
        }

        if (scheme == WebhookSignatureScheme.StandardWebhooks && DecodeStandardWebhooksSecret(secret) is not { Length: >= 16 })
        {
            return $"must be '{WebhookConstants.StandardWebhooksSecretPrefix}' followed by the base64 of at least 16 random bytes";
        }

        return secret.Length < 8 ? "is shorter than 8 characters" : null;
    }

    public static byte[]? DecodeStandardWebhooksSecret(string secret)
    {
        var text = secret.StartsWith(WebhookConstants.StandardWebhooksSecretPrefix, StringComparison.Ordinal)
            ? secret[WebhookConstants.StandardWebhooksSecretPrefix.Length..]
            : secret;
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
