using System.Text;
using Mooring.Storage;

namespace Mooring.Security;

/// <summary>
/// Checks at start-up that the configured keys are the ones the store's secrets were written with, so that a wrong
/// or missing key stops the start with a clear message instead of failing later, one request at a time.
/// </summary>
/// <remarks>
/// The first time a key id is used, a known value encrypted under it is recorded; afterwards that value must decrypt
/// with the configured key of the same id. Every key id that still encrypts stored secrets must be configured.
/// </remarks>
public sealed class KeyVerifier
{
    private static readonly byte[] CheckPlaintext = Encoding.UTF8.GetBytes("mooring key check v1");

    private readonly ISecretStore _store;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    public KeyVerifier(ISecretStore store, ISecretProtector protector, TimeProvider time)
    {
        _store = store;
        _protector = protector;
        _time = time;
    }

    /// <summary>Verifies the configured keys against the store, recording checks for keys used for the first time.</summary>
    /// <exception cref="SecretProtectionException">A configured key differs from the one recorded under its id, or stored secrets use a key that is not configured.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        if (_protector is not AesGcmSecretProtector aes)
        {
            return; // a custom protector manages its own keys
        }

        var checks = await _store.GetKeyChecksAsync(cancellationToken).ConfigureAwait(false);
        foreach (var keyId in aes.KeyIds)
        {
            if (checks.TryGetValue(keyId, out var check))
            {
                try
                {
                    aes.Unprotect(new ProtectedSecret(keyId, check), Context(keyId));
                }
                catch (SecretProtectionException ex)
                {
                    throw new SecretProtectionException(
                        $"The configured encryption key '{keyId}' is not the key that was used under that id before: the stored secrets cannot be read with it. Restore the original value of {EncryptionOptions.SectionName}:Keys:{keyId}; to change keys, add a new key id and run 'mooring keys rotate'.", ex);
                }
            }
            else
            {
                var value = aes.ProtectWith(keyId, CheckPlaintext, Context(keyId));
                await _store.AddKeyCheckAsync(keyId, value.Ciphertext, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }

        var inUse = await _store.CountByKeyAsync(cancellationToken).ConfigureAwait(false);
        var missing = inUse.Keys.Where(k => !aes.KeyIds.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new SecretProtectionException(
                $"Stored secrets are encrypted with key(s) {string.Join(", ", missing.Select(k => $"'{k}'"))}, which are not configured. Add them under {EncryptionOptions.SectionName}:Keys (keep them until 'mooring keys rotate' reports none left under them).");
        }
    }

    private static string Context(string keyId) => "key_check:" + keyId;
}
