using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Which channels of a provider to list, ordered by channel id. Every filter that is set must match.</summary>
public sealed record WebhookChannelQuery
{
    /// <summary>The provider whose channels are listed.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>Only the channels of this connection.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>Only the channels Mooring opened itself (<see cref="WebhookChannelRecord.Managed"/>) when true, only the others when false.</summary>
    public bool? Managed { get; init; }

    /// <summary>Only the channels that expire before this instant.</summary>
    public DateTimeOffset? ExpiringBefore { get; init; }

    /// <summary>Keyset paging: only channel ids after this one (ordinal order).</summary>
    public string? After { get; init; }

    /// <summary>The most to return.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; init; } = 100;
}
