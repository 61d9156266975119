namespace Mooring.Sync;

/// <summary>
/// How to keep one provider model (Stripe customers, Calendar events, …) in sync: list everything, list changes since a
/// cursor, and map each remote record to an id, JSON and a modified time, or recognise it as a deletion. The engine does
/// the rest: pages, checkpoints, deletions after a complete pass, schedules, leases and the change feed.
/// Register one with <c>AddSync&lt;T&gt;()</c>; it is a singleton, so keep no per-run state in it.
/// </summary>
public abstract class SyncDefinition
{
    /// <summary>The provider key whose connections this syncs, such as <c>stripe</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The model's name, unique among definitions, such as <c>stripe-customers</c>.</summary>
    public abstract string Model { get; }

    /// <summary>The cron expression (UTC, five fields) of the full sync, unless configuration overrides it.</summary>
    /// <value>The default is <c>0 3 * * 0</c>, weekly on Sunday at 03:00.</value>
    public virtual string FullSchedule => SyncConstants.FullSchedule;

    /// <summary>The cron expression (UTC, five fields) of the incremental sync, unless configuration overrides it.</summary>
    /// <value>The default is <c>*/15 * * * *</c>, every 15 minutes.</value>
    public virtual string IncrementalSchedule => SyncConstants.IncrementalSchedule;

    /// <summary>
    /// Webhook event types of <see cref="Provider"/> that mean this model changed for the event's connection (a trailing
    /// <c>*</c> matches a prefix); each starts a short incremental sync.
    /// </summary>
    /// <value>The default is none.</value>
    public virtual IReadOnlyList<string> WebhookEventTypes => [];

    /// <summary>
    /// The change feed's current position, read before a full pass starts (Stripe's newest event, Gmail's history id),
    /// so that changes made during a long backfill are caught by the incremental sync that follows it.
    /// <see langword="null"/> when the full pass itself ends with the position (Calendar's sync token) or there is no feed.
    /// </summary>
    public virtual Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>One page of every record; <paramref name="pageToken"/> is <see langword="null"/> for the first.</summary>
    public abstract Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken);

    /// <summary>
    /// One page of changes since <paramref name="cursor"/> (created, updated and deleted records), continuing from
    /// <paramref name="pageToken"/> when a previous page of the same pass gave one.
    /// </summary>
    /// <exception cref="SyncCursorExpiredException">The provider no longer knows the cursor; the engine runs a full sync.</exception>
    public abstract Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken);
}
