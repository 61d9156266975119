namespace Mooring.Webhooks;

/// <summary>Incoming webhooks (configuration section <c>Mooring:Webhooks</c>). Validated at start-up.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Webhooks";

    /// <summary>The largest body accepted; larger deliveries are answered 413 and not stored.</summary>
    /// <value>The default value is 1 MiB (1048576 bytes).</value>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The providers whose webhooks are accepted, by provider key, with their secrets. A provider of the catalog that is
    /// not listed here answers 404 at <c>/webhooks/{provider}</c>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public Dictionary<string, WebhookProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many workers process stored events in this instance; 0 makes it only receive (no processing, no forwarding).</summary>
    /// <value>The default value is 2.</value>
    public int Workers { get; set; } = 2;

    /// <summary>How many events a worker leases at once.</summary>
    /// <value>The default value is 64.</value>
    public int BatchSize { get; set; } = 64;

    /// <summary>How long a worker holds leased events before another may take them (a crashed worker's events come back after it).</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for due events (new events wake it at once).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a woken worker waits for more events before leasing, so that under load it takes them in batches (each
    /// batch costs two commits, which on SQLite compete with the inbox's for the one write lock).
    /// </summary>
    /// <value>The default value is 50 milliseconds.</value>
    public TimeSpan WakeDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many attempts an event gets before it is dead-lettered.</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The delay before the first retry; it doubles with every attempt, with jitter.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between two attempts.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most events written in one transaction by the group-commit writer.</summary>
    /// <value>The default value is 512.</value>
    public int WriteBatchSize { get; set; } = 512;

    /// <summary>
    /// How many group-commit writers run at once on PostgreSQL, whose commits overlap (SQLite always has one). One writer
    /// makes the largest batches (every event that arrived during the previous commit), which measured best with the
    /// database on the same machine; more can help when PostgreSQL is remote and each commit waits on the network.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int WriteConcurrency { get; set; } = 1;

    /// <summary>How many received events may wait for the writer before requests wait too.</summary>
    /// <value>The default value is 8192.</value>
    public int WriteQueueCapacity { get; set; } = 8192;

    /// <summary>Forwarding of processed events to the host app (standalone mode).</summary>
    /// <value>The default value is forwarding off (no <see cref="WebhookForwardingOptions.Url"/>).</value>
    public WebhookForwardingOptions Forwarding { get; set; } = new();

    /// <summary>The push channels Mooring opens itself (<see cref="IPushChannelWatcher"/>): their default lifetime and renewal.</summary>
    /// <value>The default value is channels of 7 days, checked every hour, renewed when less than a day is left.</value>
    public PushChannelOptions PushChannels { get; set; } = new();
}
