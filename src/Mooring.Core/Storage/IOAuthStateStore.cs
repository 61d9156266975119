namespace Mooring.Storage;

/// <summary>Stores pending OAuth authorizations.</summary>
public interface IOAuthStateStore
{
    /// <summary>Saves a new pending authorization.</summary>
    Task SaveAsync(OAuthStateRecord state, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically takes the state: returns it and marks it used if it exists, is unused and has not expired
    /// at <paramref name="now"/>; otherwise returns <see langword="null"/>. A second call for the same hash returns <see langword="null"/>.
    /// </summary>
    Task<OAuthStateRecord?> ConsumeAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes states that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
