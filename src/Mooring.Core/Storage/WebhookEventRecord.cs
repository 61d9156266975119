using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>A webhook event as received from a provider and stored before it was acknowledged.</summary>
public sealed record WebhookEventRecord
{
    /// <summary>The store's id; 0 for an event not stored yet.</summary>
    public long Id { get; init; }

    /// <summary>The provider that sent it.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The provider's own id for the event (from its payload or a header); unique per provider.</summary>
    public required string EventId { get; init; }

    /// <summary>The provider's event type, such as <c>invoice.paid</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>The connection the event belongs to, where the payload says.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The provider-side account (Slack team, Stripe account, GitHub installation), where the payload says.</summary>
    public string? AccountRef { get; init; }

    /// <summary>When Mooring received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The request headers needed later (never authorization headers).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The raw body, byte for byte as received.</summary>
    public required byte[] Body { get; init; }

    /// <summary>Where the event is in its processing.</summary>
    public WebhookEventStatus Status { get; init; } = WebhookEventStatus.Pending;

    /// <summary>How many times a worker has taken it.</summary>
    public int Attempts { get; init; }

    /// <summary>When it may next be taken by a worker.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The worker holding it, while <see cref="WebhookEventStatus.Processing"/>.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the current lease ends.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>When processing completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
