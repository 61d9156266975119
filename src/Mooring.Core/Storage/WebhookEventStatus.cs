namespace Mooring.Storage;

/// <summary>Where a received webhook event is in its processing.</summary>
public enum WebhookEventStatus
{
    /// <summary>Stored and waiting for a worker.</summary>
    Pending,

    /// <summary>Leased by a worker; comes back if the lease expires.</summary>
    Processing,

    /// <summary>Handled.</summary>
    Completed,

    /// <summary>The last attempt failed; it will be retried at <see cref="WebhookEventRecord.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Gave up after the configured number of attempts; can be replayed.</summary>
    Dead,
}
