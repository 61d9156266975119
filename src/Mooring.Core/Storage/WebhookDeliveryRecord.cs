namespace Mooring.Storage;

/// <summary>One event to forward to the host app: a row of the durable outbox.</summary>
public sealed record WebhookDeliveryRecord
{
    /// <summary>The store's id; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>The store id of the webhook event forwarded.</summary>
    public required long WebhookEventId { get; init; }

    /// <summary>The URL it is sent to.</summary>
    public required string Target { get; init; }

    /// <summary>The Standard Webhooks message id, the same on every attempt, so that the app can de-duplicate.</summary>
    public required string MessageId { get; init; }

    /// <summary>Where the delivery is.</summary>
    public WebhookDeliveryStatus Status { get; init; } = WebhookDeliveryStatus.Pending;

    /// <summary>How many attempts were started.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The sender holding it while <see cref="WebhookDeliveryStatus.Delivering"/>.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the current lease ends.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The app's last HTTP status, if it answered.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>What went wrong last.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the app accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
}
