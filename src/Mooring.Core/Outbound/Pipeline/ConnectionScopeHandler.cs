using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Outbound.Pipeline;

/// <summary>The outermost handler of a connection's client: stamps each request with the connection and priority.</summary>
internal sealed class ConnectionScopeHandler(ConnectionId connectionId, CallPriority priority) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(OutboundRequestOptions.Connection, connectionId);
        request.Options.Set(OutboundRequestOptions.Priority, priority);
        return base.SendAsync(request, cancellationToken);
    }
}
