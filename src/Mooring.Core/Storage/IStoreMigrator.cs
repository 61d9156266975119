namespace Mooring.Storage;

/// <summary>Brings the store's schema to the version this Mooring needs.</summary>
public interface IStoreMigrator
{
    /// <summary>The schema version this build of Mooring writes.</summary>
    int LatestVersion { get; }

    /// <summary>
    /// Applies the migrations not yet applied, each in its own transaction, under a lock so that several instances
    /// starting together apply each once. Idempotent.
    /// </summary>
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    /// <exception cref="StoreException">The database cannot be reached or written, or was written by a newer Mooring.</exception>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The schema version recorded in the store (0 for an empty store).</summary>
    Task<int> GetVersionAsync(CancellationToken cancellationToken);
}
