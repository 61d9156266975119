using Microsoft.Extensions.Options;
using Mooring.OAuth;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Connections;

internal sealed class ConnectionManager(
    IConnectionStore store,
    IConnectionVault vault,
    IProviderCatalog catalog,
    Disconnector disconnector,
    ConnectLinks links,
    IOptions<ConnectionsOptions> options) : IConnectionManager
{
    public async Task<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken) =>
        (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Connection;

    public Task<IReadOnlyList<Connection>> ListAsync(ConnectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return store.ListAsync(query, cancellationToken);
    }

    public Task<Connection> CreateAsync(CreateConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = CreateConnectionValidator.Validate(request, catalog);
        var connection = new Connection
        {
            Id = request.Id ?? ConnectionId.New(),
            Provider = request.Provider,
            AuthMode = request.AuthMode,
            EndUserRef = request.EndUserRef,
            TenantRef = request.TenantRef,
            Scopes = request.Scopes,
            Metadata = request.Metadata ?? new Dictionary<string, string>(),
        };
        return vault.CreateAsync(connection, credentials, cancellationToken);
    }

    public Task<DisconnectResult> DisconnectAsync(ConnectionId id, CancellationToken cancellationToken) =>
        disconnector.DisconnectAsync(id, cancellationToken);

    public Task<ConnectLink> CreateConnectLinkAsync(ConnectRequest request, Uri? baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!catalog.TryGet(request.Provider, out var provider) || provider.IsTemplate || !provider.AuthModes.Contains(AuthMode.OAuth2))
        {
            throw new ArgumentException($"The provider '{request.Provider}' is not an OAuth 2.0 provider in the catalog.", nameof(request));
        }

        var publicBase = baseUrl ?? (options.Value.PublicBaseUrl is { } configured ? new Uri(configured) : null)
            ?? throw new ArgumentException($"Give a base URL, or set {ConnectionsOptions.SectionName}:PublicBaseUrl.", nameof(baseUrl));
        return Task.FromResult(links.Create(request, publicBase));
    }
}
