using Microsoft.Extensions.Options;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// The two kinds of pass, page by page, each page committed with the checkpoint that follows it. A full pass marks what
/// it sees and deletes the rest only once it has read every page; an incremental pass applies the provider's changes.
/// </summary>
internal sealed class SyncPasses(ISyncStore syncStore, ISyncRecordStore records, TimeProvider time, IOptions<SyncOptions> options)
{
    /// <summary>Runs (or resumes, from <paramref name="resume"/>) a full pass; returns the error that stopped the sweep, if the guard did.</summary>
    public async Task<string?> FullAsync(SyncRun run, SyncCheckpoint? resume, CancellationToken cancellationToken)
    {
        SyncCheckpoint checkpoint;
        if (resume is { InFullPass: true })
        {
            checkpoint = resume;
        }
        else
        {
            // Read the feed's position before the first page: whatever changes during the backfill comes after it.
            var feed = await run.Definition.GetChangeCursorAsync(run.Context, cancellationToken).ConfigureAwait(false);
            checkpoint = SyncCheckpoint.Full(run.Record.Id, null, feed);
            await SaveAsync(run, checkpoint, succeeded: false, cancellationToken).ConfigureAwait(false);
        }

        // The next page is fetched while this one is written: the provider's latency and the store's overlap, and at
        // most two pages are in memory.
        var fetch = checkpoint.Listed ? null : run.Definition.ListAllAsync(run.Context, checkpoint.Page, cancellationToken);
        while (fetch is not null)
        {
            var page = await fetch.ConfigureAwait(false);
            checkpoint = checkpoint with { Page = page.NextPageToken, Feed = page.Cursor ?? checkpoint.Feed, Listed = page.NextPageToken is null };
            fetch = page.NextPageToken is null ? null : Observed(run.Definition.ListAllAsync(run.Context, page.NextPageToken, cancellationToken));
            await ApplyAsync(run, page, checkpoint.Run, checkpoint, cancellationToken).ConfigureAwait(false);
        }

        var next = SyncCheckpoint.Incremental(checkpoint.Feed, null).Serialize();
        var sweep = await records.SweepAsync(
            new SyncSweep
            {
                ConnectionId = run.Context.Connection.Id,
                Model = run.Definition.Model,
                LeaseOwner = run.Owner,
                SeenRun = checkpoint.Run,
                Cursor = next,
                MaxDeleteShare = run.Force ? null : options.Value.MaxDeleteShare,
                Now = time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);
        run.Record = run.Record with { Deleted = run.Record.Deleted + sweep.Deleted, Cursor = next };
        return sweep.Refused
            ? $"Deletion guard: the complete pass did not see {sweep.Unseen} of {sweep.Live} records ({(double)sweep.Unseen / sweep.Live:P0}), more than Mooring:Sync:MaxDeleteShare ({options.Value.MaxDeleteShare:P0}); nothing was deleted. Check the provider, then trigger a forced full sync to delete them."
            : null;
    }

    /// <summary>Runs (or resumes) an incremental pass from <paramref name="checkpoint"/>'s feed position.</summary>
    public async Task IncrementalAsync(SyncRun run, SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var feed = checkpoint.Feed ?? throw new InvalidOperationException("An incremental pass needs a feed position.");
        var pageToken = checkpoint.Page;
        do
        {
            var page = await run.Definition.ListChangesAsync(run.Context, feed, pageToken, cancellationToken).ConfigureAwait(false);
            feed = page.Cursor ?? feed;
            pageToken = page.NextPageToken;
            await ApplyAsync(run, page, null, SyncCheckpoint.Incremental(feed, pageToken), cancellationToken).ConfigureAwait(false);
        }
        while (pageToken is not null);
    }

    /// <summary>A prefetch whose failure is observed even when the write before it fails first and nobody awaits it.</summary>
    private static Task<SyncPage> Observed(Task<SyncPage> fetch)
    {
        fetch.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return fetch;
    }

    public Task SaveAsync(SyncRun run, SyncCheckpoint checkpoint, bool succeeded, CancellationToken cancellationToken) =>
        syncStore.SaveCursorAsync(run.Context.Connection.Id, run.Definition.Model, run.Owner, checkpoint.Serialize(), succeeded, time.GetUtcNow(), cancellationToken);

    private async Task ApplyAsync(SyncRun run, SyncPage page, long? seenRun, SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var writes = new SyncRecordWrite[page.Items.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            var item = page.Items[i];
            writes[i] = new SyncRecordWrite(item.Id, item.Data, item.Hash, item.ModifiedAt, item.Deleted);
        }

        var now = time.GetUtcNow();
        var cursor = checkpoint.Serialize();
        var result = await records.ApplyAsync(
            new SyncRecordBatch
            {
                ConnectionId = run.Context.Connection.Id,
                Model = run.Definition.Model,
                LeaseOwner = run.Owner,
                Records = writes,
                SeenRun = seenRun,
                Cursor = cursor,
                Now = now,
                LeaseUntil = now + options.Value.LeaseDuration,
            },
            cancellationToken).ConfigureAwait(false);
        run.Count(result, cursor);
        if (run.Record.Pages % SyncConstants.RunsPerPageUpdate == 0)
        {
            await syncStore.UpdateRunAsync(run.Record, cancellationToken).ConfigureAwait(false);
        }
    }
}
