using System.Security.Cryptography;

namespace Mooring.Connections;

internal static class Identifiers
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string? Validate(string what, string? value, int maxLength, bool allowUpper)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"The {what} is empty; give 1 to {maxLength} characters.";
        }

        if (value.Length > maxLength)
        {
            return $"The {what} is {value.Length} characters long; at most {maxLength} are allowed.";
        }

        foreach (var c in value)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or ':' or '-'
                || (allowUpper && c is >= 'A' and <= 'Z');
            if (!ok)
            {
                var allowed = allowUpper ? "letters" : "lower-case letters";
                return $"The {what} '{Truncate(value)}' contains '{c}'; only {allowed}, digits, '.', '_', ':' and '-' are allowed.";
            }
        }

        return null;
    }

    /// <summary>A random token of <paramref name="bytes"/> bytes in lower-case base32 (no padding).</summary>
    public static string RandomToken(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        var chars = new char[(bytes * 8 + 4) / 5];
        int bitBuffer = 0, bitCount = 0, index = 0;
        foreach (var b in buffer)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                chars[index++] = Base32Alphabet[(bitBuffer >> (bitCount - 5)) & 31];
                bitCount -= 5;
            }
        }

        if (bitCount > 0)
        {
            chars[index] = Base32Alphabet[(bitBuffer << (5 - bitCount)) & 31];
        }

        return new string(chars);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
