using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Mooring.Security;

/// <summary>The decoded encryption keys, validated.</summary>
internal sealed class KeyRing
{
    public const int KeySizeBytes = 32;

    private KeyRing(string activeKeyId, FrozenDictionary<string, byte[]> keys)
    {
        ActiveKeyId = activeKeyId;
        Keys = keys;
    }

    public string ActiveKeyId { get; }

    public FrozenDictionary<string, byte[]> Keys { get; }

    /// <summary>Builds a key ring, or returns the problems found, each naming the setting and the fix.</summary>
    public static KeyRing Create(EncryptionOptions options)
    {
        var errors = Validate(options, out var ring);
        return errors.Count == 0 ? ring! : throw new InvalidOperationException(string.Join(" ", errors));
    }

    public static List<string> Validate(EncryptionOptions options, out KeyRing? ring)
    {
        ring = null;
        var errors = new List<string>();
        if (options.Keys.Count == 0)
        {
            errors.Add($"No encryption key is configured. Set {EncryptionOptions.SectionName}:Keys:<id> to 32 random bytes in base64 (run 'mooring keys generate'), or run in sandbox mode.");
            return errors;
        }

        var decoded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in options.Keys)
        {
            if (!IsValidKeyId(id))
            {
                errors.Add($"{EncryptionOptions.SectionName}:Keys:{id}: a key id must be 1 to 32 letters, digits, '-' or '_'.");
                continue;
            }

            var bytes = TryDecode(value);
            if (bytes is null || bytes.Length != KeySizeBytes)
            {
                errors.Add($"{EncryptionOptions.SectionName}:Keys:{id} is not {KeySizeBytes} bytes in base64 (got {(bytes is null ? "text that is not base64" : bytes.Length + " bytes")}); run 'mooring keys generate' for a valid key.");
                continue;
            }

            decoded[id] = bytes;
        }

        var active = options.ActiveKeyId;
        if (string.IsNullOrEmpty(active))
        {
            if (options.Keys.Count > 1)
            {
                errors.Add($"{EncryptionOptions.SectionName}:ActiveKeyId is not set and {options.Keys.Count} keys are configured; set it to the id of the key that should encrypt new secrets.");
            }

            active = options.Keys.Keys.First();
        }
        else if (!options.Keys.ContainsKey(active))
        {
            errors.Add($"{EncryptionOptions.SectionName}:ActiveKeyId is '{active}', but no key with that id is configured under {EncryptionOptions.SectionName}:Keys.");
        }

        if (errors.Count == 0)
        {
            ring = new KeyRing(active, decoded.ToFrozenDictionary(StringComparer.Ordinal));
        }

        return errors;
    }

    /// <summary>A new random key in base64.</summary>
    public static string GenerateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySizeBytes));

    private static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[]? TryDecode(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
