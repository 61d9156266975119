namespace Mooring.Security;

/// <summary>Encrypts and decrypts the secrets Mooring stores.</summary>
/// <remarks>
/// The <c>context</c> names the place a secret belongs to (for example <c>connection:abc</c>); it is
/// authenticated, so a ciphertext copied to another row does not decrypt.
/// </remarks>
public interface ISecretProtector
{
    /// <summary>The id of the key new secrets are encrypted with.</summary>
    string ActiveKeyId { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> under the active key.</summary>
    ProtectedSecret Protect(ReadOnlySpan<byte> plaintext, string context);

    /// <summary>Decrypts <paramref name="secret"/>.</summary>
    /// <exception cref="SecretProtectionException">The key id is unknown, or the ciphertext was tampered with or belongs elsewhere.</exception>
    byte[] Unprotect(ProtectedSecret secret, string context);
}
