namespace Mooring.Storage;

/// <summary>The durable inbox of webhook events, and the work queue that processes them.</summary>
public interface IWebhookEventStore
{
    /// <summary>
    /// Stores the events in one transaction. An event whose provider and event id are already stored is a duplicate:
    /// it is not stored again. Returns, for each event in order, its id if it was newly stored, <see langword="null"/> for
    /// a duplicate. An event is stored as it is given: <see cref="WebhookEventStatus.Pending"/> (the default) and due at
    /// once, or already leased (<see cref="WebhookEventStatus.Processing"/> with its <see cref="WebhookEventRecord.LeaseOwner"/>,
    /// <see cref="WebhookEventRecord.LeaseExpiresAt"/> and <see cref="WebhookEventRecord.Attempts"/>) when the receiving
    /// process hands it to a worker of its own without leasing it from the store.
    /// </summary>
    Task<IReadOnlyList<long?>> AppendAsync(IReadOnlyList<WebhookEventRecord> events, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> events that are due (pending or failed with their retry time reached, or processing with
    /// an expired lease) to <paramref name="owner"/> until <paramref name="now"/> + <paramref name="leaseDuration"/>; each lease counts as an attempt.
    /// Several workers, in one process or many, never receive the same event at once.
    /// </summary>
    Task<IReadOnlyList<WebhookEventRecord>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Extends to <paramref name="now"/> + <paramref name="leaseDuration"/> the leases that <paramref name="owner"/> still
    /// holds among the events <paramref name="ids"/>, in one statement: a worker whose batch runs long keeps the events it has
    /// not run yet. A lease that ran out but that no other worker took is still held (as for a completion); one another
    /// worker took, or an event no longer processing, is left as it is. Returns, for each id in order, whether it is held.
    /// </summary>
    Task<IReadOnlyList<bool>> RenewAsync(IReadOnlyList<long> ids, string owner, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Marks an event completed if <paramref name="owner"/> still holds its lease; returns whether it did.</summary>
    Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks leased events completed in one transaction, each only if <paramref name="owner"/> still holds its lease, and runs
    /// each such event's <see cref="WebhookCompletion.Writes"/> in that same transaction, so that a handler's effect and the
    /// completion commit together or not at all. If any write throws, nothing is committed and the exception propagates.
    /// Returns, for each completion in order, whether it was applied.
    /// </summary>
    Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<WebhookCompletion> completions, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt if <paramref name="owner"/> still holds the lease: status <see cref="WebhookEventStatus.Failed"/>
    /// with a retry at <paramref name="retryAt"/>, or <see cref="WebhookEventStatus.Dead"/> when <paramref name="retryAt"/> is <see langword="null"/>.
    /// </summary>
    Task<bool> FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back the events that any of <paramref name="owners"/> holds (a stopping instance's unfinished leases): pending
    /// again, due at <paramref name="now"/>, the attempt not counted, so that no one waits for their leases to run out.
    /// Returns how many.
    /// </summary>
    Task<int> ReleaseAsync(IReadOnlyList<string> owners, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The event with this id, or <see langword="null"/>.</summary>
    Task<WebhookEventRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Events matching <paramref name="query"/>, newest first, without their bodies' bytes copied needlessly.</summary>
    Task<IReadOnlyList<WebhookEventRecord>> ListAsync(WebhookEventQuery query, CancellationToken cancellationToken);

    /// <summary>Puts failed or dead events (all of them, or those with the given ids) back to pending, due at <paramref name="now"/>; returns how many.</summary>
    Task<int> ReplayAsync(IReadOnlyList<long>? ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> events completed before <paramref name="cutoff"/>, oldest first, with their
    /// forwardings and the forwardings' attempts, in one transaction; returns how many events. An event with a
    /// forwarding not yet delivered stays, and so do failed and dead events. A provider's repeat of a deleted event
    /// is accepted as new.
    /// </summary>
    Task<int> PurgeCompletedAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}
