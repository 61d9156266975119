using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The outermost handler of a connection's client: stamps each request with the connection and priority (one object
/// per client, so that stamping a request allocates nothing).
/// </summary>
internal sealed class ConnectionScopeHandler(ConnectionId connectionId, CallPriority priority) : DelegatingHandler
{
    private readonly OutboundRequestOptions.ClientScope _scope = new(connectionId, priority);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(OutboundRequestOptions.Scope, _scope);
        return base.SendAsync(request, cancellationToken);
    }
}
