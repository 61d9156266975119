using System.Security.Cryptography;
using System.Text;

namespace Mooring.Webhooks;

/// <summary>Signs outgoing deliveries per Standard Webhooks: <c>v1,</c> base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
internal static class StandardWebhookSigner
{
    public static string Sign(byte[] key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Signatures.Hmac(HashAlgorithmName.SHA256, key, $"{messageId}.{timestamp}.", body, mac);
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>The header value for several keys (during a rotation the receiver may know either).</summary>
    public static string Sign(IReadOnlyList<byte[]> keys, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        var signatures = new StringBuilder();
        foreach (var key in keys)
        {
            signatures.Append(signatures.Length == 0 ? string.Empty : " ").Append(Sign(key, messageId, timestamp, body));
        }

        return signatures.ToString();
    }
}
