using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>Runs, requests, pauses and reports the syncs of a connection's models.</summary>
public interface ISyncManager
{
    /// <summary>The registered, enabled models.</summary>
    IReadOnlyList<SyncModelInfo> Models { get; }

    /// <summary>
    /// Runs a sync now, in the caller, and returns its log record (the last one, when an expired cursor turned an incremental
    /// run into a full one); <see langword="null"/> when another run of the same connection and model holds the lease.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a registered model of the connection's provider.</exception>
    Task<SyncRunRecord?> RunAsync(ConnectionId connectionId, string model, SyncRunRequest request, CancellationToken cancellationToken);

    /// <summary>Asks for a run, which a scheduler (this instance's at once, or any other's at its next poll) starts; survives a restart.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a registered model of the connection's provider.</exception>
    Task RequestAsync(ConnectionId connectionId, string model, SyncRunRequest request, CancellationToken cancellationToken);

    /// <summary>Stops scheduled and webhook-triggered runs of the model for the connection (a manual request still runs).</summary>
    Task PauseAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken);

    /// <summary>Lets scheduled runs start again.</summary>
    Task ResumeAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken);

    /// <summary>
    /// The sync log of the model for the connection, newest first, at most <paramref name="limit"/> runs. Throws
    /// <see cref="ConnectionNotFoundException"/> for a connection that is not there and <see cref="ArgumentException"/>
    /// for a model its provider does not have, as the other methods do.
    /// </summary>
    Task<IReadOnlyList<SyncRunRecord>> ListRunsAsync(ConnectionId connectionId, string model, int limit, CancellationToken cancellationToken);

    /// <summary>The state of every model of the connection's provider: last synced, in progress, paused, the last run.</summary>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    Task<IReadOnlyList<SyncStatus>> GetStatusAsync(ConnectionId connectionId, CancellationToken cancellationToken);
}
