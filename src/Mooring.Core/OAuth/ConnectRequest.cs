using Mooring.Connections;

namespace Mooring.OAuth;

/// <summary>What to connect: a provider, for an end user of the host app, under a connection id.</summary>
public sealed record ConnectRequest
{
    /// <summary>The provider to connect.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The connection to create, or to reconnect if it exists; a new id when <see langword="null"/>.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The host app's reference for the end user.</summary>
    public string? EndUserRef { get; init; }

    /// <summary>The host app's reference for the tenant.</summary>
    public string? TenantRef { get; init; }

    /// <summary>Scopes to request besides the provider's default scopes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}
