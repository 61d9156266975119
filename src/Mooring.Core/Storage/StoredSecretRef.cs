using Mooring.Security;

namespace Mooring.Storage;

/// <summary>Where one encrypted secret lives, for key rotation.</summary>
/// <param name="Kind">The kind of record (<see cref="SecretKinds"/>).</param>
/// <param name="RecordId">The record's key.</param>
/// <param name="Secret">The secret as stored.</param>
public sealed record StoredSecretRef(string Kind, string RecordId, ProtectedSecret Secret)
{
    /// <summary>The context the secret is bound to (the associated data of its encryption).</summary>
    public string Context => SecretKinds.Context(Kind, RecordId);
}
