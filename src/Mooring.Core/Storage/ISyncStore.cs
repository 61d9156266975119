using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Sync cursors, leases and the sync log.</summary>
public interface ISyncStore
{
    /// <summary>The state of one model's sync for one connection, or <see langword="null"/> if it never ran.</summary>
    Task<SyncStateRecord?> GetStateAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken);

    /// <summary>Every sync state of a connection.</summary>
    Task<IReadOnlyList<SyncStateRecord>> ListStatesAsync(ConnectionId connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease on one model's sync for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="duration"/>,
    /// if nobody else holds an unexpired one (the owner itself may extend its own). At most one run per connection and model, across instances.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(ConnectionId connectionId, string model, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease back if <paramref name="owner"/> holds it.</summary>
    Task ReleaseLeaseAsync(ConnectionId connectionId, string model, string owner, CancellationToken cancellationToken);

    /// <summary>Saves the cursor if <paramref name="owner"/> holds the lease; <paramref name="succeeded"/> also records the time as the last success.</summary>
    Task<bool> SaveCursorAsync(ConnectionId connectionId, string model, string owner, string? cursor, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Pauses or resumes scheduled runs.</summary>
    Task SetPausedAsync(ConnectionId connectionId, string model, bool paused, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for a run (manual trigger, webhook): whichever instance's scheduler sees it first runs it, the request
    /// outlives a restart, and a newer request replaces an older one (but never downgrades a pending full run).
    /// </summary>
    Task RequestRunAsync(ConnectionId connectionId, string model, SyncRunRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Clears the request, if <paramref name="owner"/> holds the lease (the run it asked for is starting).</summary>
    Task ClearRequestAsync(ConnectionId connectionId, string model, string owner, CancellationToken cancellationToken);

    /// <summary>Records a new run and returns it with its id.</summary>
    Task<SyncRunRecord> StartRunAsync(SyncRunRecord run, CancellationToken cancellationToken);

    /// <summary>Updates a run's counters, status and end.</summary>
    Task UpdateRunAsync(SyncRunRecord run, CancellationToken cancellationToken);

    /// <summary>The newest run of one kind, or <see langword="null"/> if there was none.</summary>
    Task<SyncRunRecord?> GetLatestRunAsync(ConnectionId connectionId, string model, SyncRunKind kind, CancellationToken cancellationToken);

    /// <summary>Runs, newest first, of one connection (and model, if given).</summary>
    Task<IReadOnlyList<SyncRunRecord>> ListRunsAsync(ConnectionId connectionId, string? model, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> runs that finished before <paramref name="cutoff"/>, oldest first; returns
    /// how many. The newest run of each kind of a connection's model stays, however old (<see cref="GetLatestRunAsync"/>
    /// reads it), and so does a run that has not finished.
    /// </summary>
    Task<int> PurgeRunsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}
