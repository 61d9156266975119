namespace Mooring.Sync;

/// <summary>Sync settings, bound from <c>Mooring:Sync</c>.</summary>
public sealed class SyncOptions
{
    /// <summary>Whether this instance runs scheduled and requested syncs (the API and the change feed work either way).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Whether the built-in definitions (Stripe, Google, GitHub, Slack models) are registered.</summary>
    /// <value>The default value is <see langword="false"/>: a host opts in, or registers its own with <c>AddSync&lt;T&gt;()</c>.</value>
    public bool BuiltIns { get; set; }

    /// <summary>The largest share of a model's live records one full pass may delete; beyond it the pass deletes nothing unless forced.</summary>
    /// <value>The default value is 0.2 (20 %).</value>
    public double MaxDeleteShare { get; set; } = SyncConstants.MaxDeleteShare;

    /// <summary>How long a run's lease lasts without a committed page; a crashed instance's run is resumed elsewhere after it.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan LeaseDuration { get; set; } = SyncConstants.LeaseDuration;

    /// <summary>How often the scheduler looks for due and requested runs (a request on this instance wakes it at once).</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan PollInterval { get; set; } = SyncConstants.PollInterval;

    /// <summary>The largest delay added to a scheduled time, fixed per connection and model, so that connections do not all run at once.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan ScheduleJitter { get; set; } = SyncConstants.ScheduleJitter;

    /// <summary>The first delay before retrying a failed run; it doubles per consecutive failure.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan RetryDelay { get; set; } = SyncConstants.RetryDelay;

    /// <summary>The longest delay before retrying a failed run.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan MaxRetryDelay { get; set; } = SyncConstants.MaxRetryDelay;

    /// <summary>How many runs this instance executes at once.</summary>
    /// <value>The default value is 2.</value>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Per model (by its name, such as <c>stripe-customers</c>): schedules and whether it runs.</summary>
    /// <value>The default value is empty: every definition with its own schedules.</value>
    public Dictionary<string, SyncModelOptions> Models { get; } = new(StringComparer.Ordinal);
}
