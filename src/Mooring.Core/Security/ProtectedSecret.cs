namespace Mooring.Security;

/// <summary>A secret as it is stored: the id of the key that encrypted it and the ciphertext.</summary>
/// <param name="KeyId">The id of the key it was encrypted with.</param>
/// <param name="Ciphertext">Version byte, nonce, tag and ciphertext (see <see cref="AesGcmSecretProtector"/>).</param>
public sealed record ProtectedSecret(string KeyId, byte[] Ciphertext);
