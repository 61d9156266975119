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
}
