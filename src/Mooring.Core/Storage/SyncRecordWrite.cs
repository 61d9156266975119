namespace Mooring.Storage;

/// <summary>One record as a sync page brings it: created or updated with its data, or deleted.</summary>
/// <param name="RemoteId">The provider's id.</param>
/// <param name="Data">The record as canonical JSON (keys sorted); empty for a deletion.</param>
/// <param name="Hash">The hash of <paramref name="Data"/>, which decides whether the record changed; empty for a deletion.</param>
/// <param name="ModifiedAt">When the provider says the record last changed, if it says.</param>
/// <param name="Deleted">Whether the provider signalled a deletion.</param>
public readonly record struct SyncRecordWrite(string RemoteId, string Data, string Hash, DateTimeOffset? ModifiedAt, bool Deleted);
