using Mooring.Connections;
using Mooring.Outbound.Pipeline;
using Mooring.Providers;

namespace Mooring.Outbound;

/// <summary>
/// Hands out clients over the named <see cref="OutboundConstants.HttpClientName"/> handler chain, which
/// <see cref="OutboundServiceCollectionExtensions.AddMooringOutbound"/> builds; each is wrapped in a
/// <see cref="ConnectionScopeHandler"/> for its connection.
/// </summary>
internal sealed class ProviderHttpClientFactory(IHttpMessageHandlerFactory handlers, ConnectionCache connections, IProviderCatalog catalog)
    : IProviderHttpClientFactory
{
    public async ValueTask<HttpClient> CreateClientAsync(ConnectionId connectionId, CallPriority priority, CancellationToken cancellationToken)
    {
        var (connection, _) = await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var provider = catalog.Get(connection.Provider);
#pragma warning disable RS0030 // The pooled handler comes from IHttpMessageHandlerFactory, as IHttpClientFactory itself does it.
        var client = new HttpClient(CreateHandler(connectionId, priority), disposeHandler: false);
#pragma warning restore RS0030
        client.BaseAddress = provider.ApiBaseUrl;
        // The call's budget (TotalTimeout, up to a day) and attempt timeouts bound it: HttpClient's own 100 s default would
        // cut a longer budget short with an unclassified TaskCanceledException.
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    public HttpMessageHandler CreateHandler(ConnectionId connectionId, CallPriority priority) =>
        new ConnectionScopeHandler(connectionId, priority) { InnerHandler = handlers.CreateHandler(OutboundConstants.HttpClientName) };
}
