namespace Mooring.Storage;

/// <summary>Every encrypted secret in the store, for key rotation.</summary>
public interface ISecretStore
{
    /// <summary>Up to <paramref name="limit"/> secrets encrypted under a key other than <paramref name="keyId"/>.</summary>
    Task<IReadOnlyList<StoredSecretRef>> ListNotUnderKeyAsync(string keyId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a secret if it is still exactly <paramref name="current"/> (compare and swap, so that rotation runs online
    /// beside writers); returns whether it did.
    /// </summary>
    Task<bool> ReplaceAsync(StoredSecretRef current, Security.ProtectedSecret replacement, CancellationToken cancellationToken);

    /// <summary>How many secrets each key id encrypts.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(CancellationToken cancellationToken);

    /// <summary>The key-check values: per key id, a known value encrypted under that key when it was first used.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> GetKeyChecksAsync(CancellationToken cancellationToken);

    /// <summary>Records the key-check value of a key id, unless one is recorded already.</summary>
    Task AddKeyCheckAsync(string keyId, byte[] checkValue, DateTimeOffset now, CancellationToken cancellationToken);
}
