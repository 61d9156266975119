namespace Mooring.Sync;

/// <summary>Settings of one model's sync, under <c>Mooring:Sync:Models:{model}</c>.</summary>
public sealed class SyncModelOptions
{
    /// <summary>Whether the model syncs at all.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>A cron expression (UTC, five fields) replacing the definition's full sync schedule.</summary>
    /// <value>The default value is <see langword="null"/>: the definition's, weekly unless it says otherwise.</value>
    public string? FullSchedule { get; set; }

    /// <summary>A cron expression (UTC, five fields) replacing the definition's incremental schedule.</summary>
    /// <value>The default value is <see langword="null"/>: the definition's, every 15 minutes unless it says otherwise.</value>
    public string? IncrementalSchedule { get; set; }
}
