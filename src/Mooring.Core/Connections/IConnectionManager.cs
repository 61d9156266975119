using Mooring.OAuth;
using Mooring.Storage;

namespace Mooring.Connections;

/// <summary>Connections for the host app: what the management API does, as a service from DI.</summary>
public interface IConnectionManager
{
    /// <summary>The connection, or <see langword="null"/>.</summary>
    Task<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>Connections matching <paramref name="query"/> (by provider, end user, tenant, status), ordered by id.</summary>
    Task<IReadOnlyList<Connection>> ListAsync(ConnectionQuery query, CancellationToken cancellationToken);

    /// <summary>Creates an API key, basic or client credentials connection; the credentials are stored encrypted.</summary>
    /// <exception cref="ArgumentException">The request does not fit the provider (the message names the field).</exception>
    /// <exception cref="DuplicateKeyException">A connection with the id exists.</exception>
    Task<Connection> CreateAsync(CreateConnectionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the connection's tokens at the provider where it supports revocation, then deletes the connection and its
    /// credentials, even if revocation failed (which the result reports).
    /// </summary>
    Task<DisconnectResult> DisconnectAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>
    /// A short-lived link that starts the connect flow for <paramref name="request"/> in the browser that opens it.
    /// <paramref name="baseUrl"/> is where Mooring's endpoints are served; <c>Mooring:Connections:PublicBaseUrl</c> when omitted.
    /// </summary>
    /// <exception cref="ArgumentException">The provider is unknown or not an OAuth provider.</exception>
    Task<ConnectLink> CreateConnectLinkAsync(ConnectRequest request, Uri? baseUrl, CancellationToken cancellationToken);
}
