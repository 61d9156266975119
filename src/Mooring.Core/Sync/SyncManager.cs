using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

internal sealed class SyncManager(SyncModels models, SyncRunner runner, SyncDue due, SyncSignal signal, ISyncStore store, ISyncRecordStore records, IConnectionStore connections, TimeProvider time)
    : ISyncManager
{
    public IReadOnlyList<SyncModelInfo> Models =>
        [.. models.All.Select(m => new SyncModelInfo(m.Provider, m.Name, m.Full.ToString(), m.Incremental.ToString()))];

    public async Task<SyncRunRecord?> RunAsync(ConnectionId connectionId, string model, SyncRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
        var run = await runner.RunAsync(connectionId, found, request, cancellationToken).ConfigureAwait(false);
        if (run is not null)
        {
            due.Ran(connectionId, found, run);
        }

        return run;
    }

    public async Task RequestAsync(ConnectionId connectionId, string model, SyncRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await FindAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
        await store.RequestRunAsync(connectionId, model, request, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        signal.Pulse();
    }

    public async Task PauseAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken)
    {
        await FindAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
        await store.SetPausedAsync(connectionId, model, true, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task ResumeAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken)
    {
        await FindAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
        await store.SetPausedAsync(connectionId, model, false, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        signal.Pulse();
    }

    public async Task<IReadOnlyList<SyncRunRecord>> ListRunsAsync(ConnectionId connectionId, string model, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await FindAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
        return await store.ListRunsAsync(connectionId, model, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SyncStatus>> GetStatusAsync(ConnectionId connectionId, CancellationToken cancellationToken)
    {
        var connection = (await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false))?.Connection
            ?? throw new ConnectionNotFoundException(connectionId);
        var states = (await store.ListStatesAsync(connectionId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Model, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var result = new List<SyncStatus>();
        foreach (var model in models.ForProvider(connection.Provider.Value).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var state = states.GetValueOrDefault(model.Name);
            result.Add(new SyncStatus
            {
                Model = model.Name,
                LastSyncedAt = state?.LastSuccessAt,
                InProgress = state is { LeaseOwner: not null, LeaseExpiresAt: { } until } && until > now,
                Paused = state?.Paused ?? false,
                Requested = state?.Requested,
                LastRun = (await store.ListRunsAsync(connectionId, model.Name, 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault(),
                Records = await records.CountAsync(connectionId, model.Name, cancellationToken).ConfigureAwait(false),
                ChangeSequence = state?.ChangeSequence ?? 0,
            });
        }

        return result;
    }

    private async Task<SyncModel> FindAsync(ConnectionId connectionId, string model, CancellationToken cancellationToken)
    {
        var connection = (await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false))?.Connection
            ?? throw new ConnectionNotFoundException(connectionId);
        return models.Find(model) is { } found && string.Equals(found.Provider, connection.Provider.Value, StringComparison.Ordinal)
            ? found
            : throw new ArgumentException(
                $"'{model}' is not a sync model of {connection.Provider} connections; the registered ones are: {string.Join(", ", models.ForProvider(connection.Provider.Value).Select(m => m.Name).DefaultIfEmpty("none"))}.",
                nameof(model));
    }
}
