using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Which webhook events to list. Every filter that is set must match.</summary>
public sealed record WebhookEventQuery
{
    /// <summary>Only events from this provider.</summary>
    public ProviderKey? Provider { get; init; }

    /// <summary>Only events in one of these states (any state when empty).</summary>
    public IReadOnlyList<WebhookEventStatus> Statuses { get; init; } = [];

    /// <summary>Only events of this type.</summary>
    public string? EventType { get; init; }

    /// <summary>Keyset paging: only ids below this one (newest first).</summary>
    public long? Before { get; init; }

    /// <summary>The most to return.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; init; } = 100;
}
