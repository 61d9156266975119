using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mooring.Security;

/// <summary>
/// AES-256-GCM with a fresh 96-bit nonce per secret. Layout of <see cref="ProtectedSecret.Ciphertext"/>:
/// one version byte (1), 12 bytes of nonce, 16 bytes of tag, then the ciphertext. The key id and the
/// caller's context are the associated data, so neither can be swapped without detection.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly KeyRing _ring;

    /// <summary>Creates a protector from validated options.</summary>
    public AesGcmSecretProtector(IOptions<EncryptionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = KeyRing.Create(options.Value);
    }

    /// <inheritdoc />
    public string ActiveKeyId => _ring.ActiveKeyId;

    /// <summary>The ids of every configured key.</summary>
    public IEnumerable<string> KeyIds => _ring.Keys.Keys;

    /// <inheritdoc />
    public ProtectedSecret Protect(ReadOnlySpan<byte> plaintext, string context) => ProtectWith(_ring.ActiveKeyId, plaintext, context);

    /// <summary>Encrypts under a specific configured key (for key checks).</summary>
    internal ProtectedSecret ProtectWith(string keyId, ReadOnlySpan<byte> plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        var tag = output.AsSpan(1 + NonceSize, TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_ring.Keys[keyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), tag, AssociatedData(keyId, context));
        return new ProtectedSecret(keyId, output);
    }

    /// <inheritdoc />
    public byte[] Unprotect(ProtectedSecret secret, string context)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(context);
        if (!_ring.Keys.TryGetValue(secret.KeyId, out var key))
        {
            throw new SecretProtectionException(
                $"The secret for '{context}' was encrypted with key '{secret.KeyId}', which is not configured. Add that key under {EncryptionOptions.SectionName}:Keys (it can be retired after 'mooring keys rotate').");
        }

        var data = secret.Ciphertext;
        if (data.Length < HeaderSize || data[0] != FormatVersion)
        {
            throw new SecretProtectionException($"The stored secret for '{context}' is not in a format Mooring wrote (it is truncated or corrupted).");
        }

        var plaintext = new byte[data.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(HeaderSize), data.AsSpan(1 + NonceSize, TagSize), plaintext, AssociatedData(secret.KeyId, context));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SecretProtectionException(
                $"The stored secret for '{context}' failed authentication with key '{secret.KeyId}': it was altered, or copied from another record.", ex);
        }

        return plaintext;
    }

    private static byte[] AssociatedData(string keyId, string context) => Encoding.UTF8.GetBytes($"mooring/v1\n{keyId}\n{context}");
}
