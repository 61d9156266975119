using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mooring.Webhooks;

/// <summary>The small pieces every scheme is built from; none of them throws on attacker-controlled input.</summary>
internal static class Signatures
{
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out long seconds) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds < 100_000_000_000;

    /// <summary>Reads a signed timestamp header: missing, malformed, or the Unix seconds it holds.</summary>
    public static WebhookRejection? Timestamp(string? text, out long seconds)
    {
        seconds = 0;
        return string.IsNullOrEmpty(text) ? WebhookRejection.MissingTimestamp
            : TryParseUnixSeconds(text, out seconds) ? null
            : WebhookRejection.MalformedTimestamp;
    }

    /// <summary>A signature header carrying a list: missing, or too long to be parsed, or fine.</summary>
    public static WebhookRejection? ListHeader(string? header) =>
        string.IsNullOrWhiteSpace(header) ? WebhookRejection.MissingSignature
            : header.Length > WebhookConstants.MaxSignatureHeaderLength ? WebhookRejection.MalformedSignature
            : null;

    /// <summary>Whether <paramref name="seconds"/> is within <paramref name="tolerance"/> of now, in either direction.</summary>
    public static bool IsFresh(long seconds, DateTimeOffset now, TimeSpan tolerance) =>
        Math.Abs(now.ToUnixTimeSeconds() - seconds) <= (long)tolerance.TotalSeconds;

    /// <summary>HMAC of the concatenation of <paramref name="prefix"/> (ASCII) and <paramref name="body"/>.</summary>
    public static int Hmac(HashAlgorithmName algorithm, byte[] key, string prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(algorithm, key);
        if (prefix.Length > 0)
        {
            Span<byte> head = prefix.Length <= 256 ? stackalloc byte[prefix.Length] : new byte[prefix.Length];
            var written = Encoding.UTF8.GetBytes(prefix, head);
            hmac.AppendData(head[..written]);
        }

        hmac.AppendData(body);
        return hmac.GetHashAndReset(destination);
    }

    /// <summary>Decodes lower- or upper-case hex into <paramref name="destination"/>; false for anything else, including a wrong length.</summary>
    public static bool TryHex(ReadOnlySpan<char> text, Span<byte> destination) =>
        text.Length == destination.Length * 2 &&
        Convert.FromHexString(text, destination, out _, out var written) == OperationStatus.Done && written == destination.Length;

    /// <summary>Decodes standard base64 into <paramref name="destination"/>; false for anything else, including a wrong length.</summary>
    public static bool TryBase64(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != Base64.GetMaxEncodedToUtf8Length(destination.Length))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        return Convert.TryFromBase64Chars(text, buffer, out var written) && written == destination.Length && buffer[..written].TryCopyTo(destination);
    }

    /// <summary>Constant-time comparison of two digests of the same (public) length.</summary>
    public static bool Equal(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
