namespace Mooring.Retention;

/// <summary>
/// How long Mooring keeps the records that only grow (<c>Mooring:Retention</c>): the request log, processed webhook
/// events and the sync log. A period set to empty (<see langword="null"/>) keeps those records for good. OAuth states
/// and push channels go a day after they expire, so that a late callback or notification is still told "expired".
/// Failed and dead webhook events, and events whose forwarding has not arrived, are never deleted by age: they wait
/// for an operator.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Retention";

    /// <summary>How often a pass runs (the first one a minute after start), at most daily; <see cref="TimeSpan.Zero"/> turns retention off.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan Interval { get; set; } = RetentionConstants.Interval;

    /// <summary>How long request log entries (one per attempt of a call to a provider) are kept.</summary>
    /// <value>The default value is 14 days.</value>
    public TimeSpan? RequestLog { get; set; } = RetentionConstants.RequestLog;

    /// <summary>
    /// How long completed webhook events are kept, with their forwardings and delivery attempts, counted from completion.
    /// Also the window in which a provider's repeat of an event is recognized as a duplicate, so it must outlast the
    /// providers' retries (Stripe's last about 3 days): at least 1 day.
    /// </summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan? WebhookEvents { get; set; } = RetentionConstants.WebhookEvents;

    /// <summary>How long finished sync runs are kept. The newest run of each kind of a connection's model stays however old.</summary>
    /// <value>The default value is 90 days.</value>
    public TimeSpan? SyncRuns { get; set; } = RetentionConstants.SyncRuns;

    /// <summary>The most rows deleted in one transaction: a pass deletes in batches, so that writers are never held up for long.</summary>
    /// <value>The default value is 1,000.</value>
    public int BatchSize { get; set; } = RetentionConstants.BatchSize;
}
