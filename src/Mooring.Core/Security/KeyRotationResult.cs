namespace Mooring.Security;

/// <summary>What a key rotation pass did.</summary>
/// <param name="ActiveKeyId">The key everything is now encrypted with.</param>
/// <param name="Reencrypted">Secrets re-encrypted by this pass.</param>
/// <param name="SkippedConcurrentChanges">Secrets changed by another writer during the pass (they are already under the active key).</param>
/// <param name="RemainingByKey">Secrets still under each key after the pass; only the active key should remain.</param>
public sealed record KeyRotationResult(string ActiveKeyId, long Reencrypted, long SkippedConcurrentChanges, IReadOnlyDictionary<string, long> RemainingByKey);
