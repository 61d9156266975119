using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Which connections to list. Every filter that is set must match.</summary>
public sealed record ConnectionQuery
{
    /// <summary>Only connections to this provider.</summary>
    public ProviderKey? Provider { get; init; }

    /// <summary>Only connections of this end user.</summary>
    public string? EndUserRef { get; init; }

    /// <summary>Only connections of this tenant.</summary>
    public string? TenantRef { get; init; }

    /// <summary>Only connections in this status.</summary>
    public ConnectionStatus? Status { get; init; }

    /// <summary>Only connections whose access token expires before this time.</summary>
    public DateTimeOffset? ExpiringBefore { get; init; }

    /// <summary>Keyset paging: only ids after this one (ordinal order).</summary>
    public ConnectionId? After { get; init; }

    /// <summary>The most to return.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; init; } = 100;
}
