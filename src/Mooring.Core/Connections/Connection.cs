namespace Mooring.Connections;

/// <summary>
/// One connection between an end user (or tenant) of the host app and a provider, as the app sees it:
/// everything but the secrets.
/// </summary>
public sealed record Connection
{
    /// <summary>The connection's id.</summary>
    public required ConnectionId Id { get; init; }

    /// <summary>The provider it connects to.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The host app's reference for the end user that owns the connection, if any.</summary>
    public string? EndUserRef { get; init; }

    /// <summary>The host app's reference for the tenant (organisation, workspace) that owns the connection, if any.</summary>
    public string? TenantRef { get; init; }

    /// <summary>How the connection authenticates.</summary>
    public required AuthMode AuthMode { get; init; }

    /// <summary>Where the connection stands.</summary>
    public ConnectionStatus Status { get; init; } = ConnectionStatus.Active;

    /// <summary>For a status other than <see cref="ConnectionStatus.Active"/>: what happened and what to do, in plain words.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The scopes granted.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When the access token expires, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Free-form, non-secret data about the connection (the Slack team id, the Stripe account id).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When the connection was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the connection was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A number that grows with every change, for optimistic concurrency.</summary>
    public long Version { get; init; }
}
