using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// Runs one model's sync for one connection, under the store's lease (at most one run per connection and model across
/// instances): resumes an interrupted pass, chooses full or incremental, falls back to a full pass when the provider
/// forgot the cursor, logs the run, and marks the connection when the provider says its grant is gone.
/// </summary>
internal sealed class SyncRunner(
    ISyncStore store,
    IConnectionStore connections,
    IProviderHttpClientFactory clients,
    ConnectionStatusWriter status,
    SyncPasses passes,
    TimeProvider time,
    IOptions<SyncOptions> options,
    ILogger<SyncRunner> logger)
{
    private const string SyncCursorExpiredMessage = "The provider no longer accepts the change cursor; a full sync follows.";
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs now; <see langword="null"/> when another run holds the lease.</summary>
    public async Task<SyncRunRecord?> RunAsync(ConnectionId connectionId, SyncModel model, SyncRunRequest request, CancellationToken cancellationToken)
    {
        var owner = $"{Instance}:{Guid.NewGuid():N}";
        if (!await store.TryAcquireLeaseAsync(connectionId, model.Name, owner, time.GetUtcNow(), options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            await store.ClearRequestAsync(connectionId, model.Name, owner, cancellationToken).ConfigureAwait(false);
            await CloseInterruptedAsync(connectionId, model, cancellationToken).ConfigureAwait(false);
            var connection = (await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false))?.Connection
                ?? throw new ConnectionNotFoundException(connectionId);
            using var client = await clients.CreateClientAsync(connectionId, CallPriority.Background, cancellationToken).ConfigureAwait(false);
            var context = new SyncContext(connection, client, time);
            var checkpoint = SyncCheckpoint.Parse((await store.GetStateAsync(connectionId, model.Name, cancellationToken).ConfigureAwait(false))?.Cursor);
            var full = request.Kind == SyncRunKind.Full || checkpoint is null || checkpoint.InFullPass || checkpoint.Feed is null;
            var kind = full ? SyncRunKind.Full : request.Kind;
            var run = await StartAsync(model, context, owner, kind, request.Force, cancellationToken).ConfigureAwait(false);
            if (full)
            {
                return await ExecuteAsync(run, ct => passes.FullAsync(run, checkpoint, ct), cancellationToken).ConfigureAwait(false);
            }

            var incremental = await ExecuteAsync(run, async ct => { await passes.IncrementalAsync(run, checkpoint!, ct).ConfigureAwait(false); return null; }, cancellationToken).ConfigureAwait(false);
            if (incremental.Error is not SyncCursorExpiredMessage)
            {
                return incremental;
            }

            var resync = await StartAsync(model, context, owner, SyncRunKind.Full, request.Force, cancellationToken).ConfigureAwait(false);
            return await ExecuteAsync(resync, ct => passes.FullAsync(resync, null, ct), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await store.ReleaseLeaseAsync(connectionId, model.Name, owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A run still marked running when this one holds the lease died with its instance (killed, crashed, or its lease
    /// ran out): the log says so, and this run resumes from its last committed page.
    /// </summary>
    private async Task CloseInterruptedAsync(ConnectionId connectionId, SyncModel model, CancellationToken cancellationToken)
    {
        foreach (var stale in (await store.ListRunsAsync(connectionId, model.Name, 5, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == SyncRunStatus.Running))
        {
            await store.UpdateRunAsync(
                stale with { Status = SyncRunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = "Interrupted: the instance running it stopped before it ended; the next run resumes from its last committed page." },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SyncRun> StartAsync(SyncModel model, SyncContext context, string owner, SyncRunKind kind, bool force, CancellationToken cancellationToken)
    {
        var record = await store.StartRunAsync(
            new SyncRunRecord { ConnectionId = context.Connection.Id, Model = model.Name, Kind = kind, StartedAt = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false);
        Log.RunStarted(logger, model.Name, context.Connection.Id.Value, kind, record.Id);
        return new SyncRun(model, context, owner, record, force);
    }

    private async Task<SyncRunRecord> ExecuteAsync(SyncRun run, Func<CancellationToken, Task<string?>> pass, CancellationToken cancellationToken)
    {
        var id = run.Context.Connection.Id;
        string? error;
        var outcome = SyncRunStatus.Failed;
        using var activity = SyncMetrics.StartRun(run);
        try
        {
            error = await pass(cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                outcome = SyncRunStatus.Succeeded;
                await store.SaveCursorAsync(id, run.Definition.Model, run.Owner, run.Record.Cursor ?? (await store.GetStateAsync(id, run.Definition.Model, cancellationToken).ConfigureAwait(false))?.Cursor, true, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(run, SyncRunStatus.Cancelled, "The run was stopped (shutdown or cancellation); the next run resumes from the last committed page.").ConfigureAwait(false);
            throw;
        }
        catch (SyncCursorExpiredException ex)
        {
            Log.CursorExpired(logger, run.Definition.Model, id.Value, ex.Message);
            error = SyncCursorExpiredMessage;
            await passes.SaveAsync(run, SyncCheckpoint.Incremental(null, null), succeeded: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderApiException ex) when (ex.Category == ProviderErrorCategory.NeedsReconnect || (ex.Category == ProviderErrorCategory.Auth && ex.StatusCode == 401))
        {
            error = $"{ex.Message} The connection needs reconnecting; syncs stop until it is.";
            await status.MarkNeedsReconnectAsync(id, ex.Message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConnectionNeedsReconnectException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is ProviderApiException or SyncLeaseLostException or HttpRequestException or StoreException or System.Text.Json.JsonException or TimeoutException)
        {
            error = ex.Message;
        }

        if (outcome == SyncRunStatus.Failed)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
            Log.RunFailed(logger, run.Definition.Model, id.Value, run.Record.Id, error ?? "unknown");
        }

        return await FinishAsync(run, outcome, error).ConfigureAwait(false);
    }

    private async Task<SyncRunRecord> FinishAsync(SyncRun run, SyncRunStatus outcome, string? error)
    {
        run.Record = run.Record with { Status = outcome, Error = error, FinishedAt = time.GetUtcNow() };
        await store.UpdateRunAsync(run.Record, CancellationToken.None).ConfigureAwait(false);
        SyncMetrics.Ended(run.Record, run.Definition.Provider);
        Log.RunFinished(logger, run.Definition.Model, run.Context.Connection.Id.Value, run.Record.Id, outcome, run.Record.Pages, run.Record.Added, run.Record.Updated, run.Record.Deleted);
        return run.Record;
    }
}
