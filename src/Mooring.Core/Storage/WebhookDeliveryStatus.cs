namespace Mooring.Storage;

/// <summary>Where a forwarding of an event to the host app is.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for a sender.</summary>
    Pending,

    /// <summary>Leased by a sender; comes back if the lease expires.</summary>
    Delivering,

    /// <summary>The app answered 2xx.</summary>
    Delivered,

    /// <summary>The last attempt failed; retried at <see cref="WebhookDeliveryRecord.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Gave up; can be replayed.</summary>
    Dead,
}
