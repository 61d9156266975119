using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Mooring.Sandbox.Google;

/// <summary>Opaque page and sync tokens: a position in a store's change log and an offset, base64url encoded.</summary>
internal static class GoogleTokens
{
    public static string Encode(string kind, long sequence, long offset = 0) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{kind}:{sequence}:{offset}")));

    public static (long Sequence, long Offset)? Decode(string kind, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(':');
            return parts.Length == 3 && parts[0] == kind
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var o)
                ? (s, o)
                : (-1, -1);
        }
        catch (FormatException)
        {
            return (-1, -1);
        }
    }
}
