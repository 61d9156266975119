using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// Every poll (or when a run is requested here), looks at each active connection of a provider with sync models and
/// starts the runs that are due, at most <see cref="SyncOptions.MaxConcurrentRuns"/> at once. The store's lease keeps
/// instances from running the same connection and model together.
/// </summary>
internal sealed class SyncScheduler(
    SyncModels models,
    IConnectionStore connections,
    ISyncStore store,
    SyncRunner runner,
    SyncDue due,
    SyncSignal signal,
    TimeProvider time,
    IOptions<SyncOptions> options,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    private const int ConnectionPage = 500;
    private readonly ConcurrentDictionary<(string Connection, string Model), Task> _running = new();

    /// <summary>Starts the due runs and returns them (tests await them; the service lets them run).</summary>
    public async Task<IReadOnlyList<Task>> StartDueAsync(CancellationToken cancellationToken)
    {
        var started = new List<Task>();
        foreach (var provider in models.All.Select(m => m.Provider).Distinct(StringComparer.Ordinal))
        {
            ConnectionId? after = null;
            IReadOnlyList<Connection> page;
            do
            {
                page = await connections.ListAsync(new ConnectionQuery { Provider = ProviderKey.Parse(provider), After = after, Limit = ConnectionPage }, cancellationToken).ConfigureAwait(false);
                foreach (var connection in page.Where(c => c.Status != ConnectionStatus.NeedsReconnect))
                {
                    if (!await StartDueAsync(connection, started, cancellationToken).ConfigureAwait(false))
                    {
                        return started;
                    }
                }

                after = page.Count > 0 ? page[^1].Id : null;
            }
            while (page.Count == ConnectionPage);
        }

        return started;
    }

    /// <summary>Runs due runs until none is left; for tests driving a fake clock.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        while (await StartDueAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } started)
        {
            await Task.WhenAll(started).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled || models.All.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SchedulerFailed(logger, ex);
            }

            await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> StartDueAsync(Connection connection, List<Task> started, CancellationToken cancellationToken)
    {
        var states = (await store.ListStatesAsync(connection.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Model, StringComparer.Ordinal);
        foreach (var model in models.ForProvider(connection.Provider.Value))
        {
            var key = (connection.Id.Value, model.Name);
            if (_running.ContainsKey(key) || states.GetValueOrDefault(model.Name) is { LeaseExpiresAt: { } until } && until > time.GetUtcNow())
            {
                continue;
            }

            if (await due.DecideAsync(connection.Id, model, states.GetValueOrDefault(model.Name), cancellationToken).ConfigureAwait(false) is not { } request)
            {
                continue;
            }

            if (_running.Count >= options.Value.MaxConcurrentRuns)
            {
                return false;
            }

            // Registered before it starts, so that its own removal at the end cannot come first.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = RunAsync(go.Task, connection.Id, model, request, cancellationToken);
            _running[key] = run;
            go.SetResult();
            started.Add(run);
        }

        return true;
    }

    private async Task RunAsync(Task go, ConnectionId connectionId, SyncModel model, SyncRunRequest request, CancellationToken cancellationToken)
    {
        await go.ConfigureAwait(false);
        try
        {
            due.Ran(connectionId, model, await runner.RunAsync(connectionId, model, request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunCrashed(logger, ex, model.Name, connectionId.Value);
            due.Ran(connectionId, model, new SyncRunRecord { ConnectionId = connectionId, Model = model.Name, Kind = request.Kind, StartedAt = time.GetUtcNow(), Status = SyncRunStatus.Failed });
        }
        finally
        {
            _running.TryRemove((connectionId.Value, model.Name), out _);
        }
    }
}
