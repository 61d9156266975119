using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.AspNetCore.Connections;
using Mooring.AspNetCore.Health;
using Mooring.AspNetCore.Management;
using Mooring.AspNetCore.Proxy;
using Mooring.AspNetCore.Sync;
using Mooring.AspNetCore.Webhooks;

namespace Mooring;

/// <summary>Maps Mooring's endpoints.</summary>
public static class MooringEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/health</c> (ASP.NET Core health checks, including the store) and the management API under <paramref name="apiPrefix"/>,
    /// which answers only requests carrying one of <c>Mooring:ManagementApiKeys</c>, the providers' webhook endpoint <c>POST /webhooks/{provider}/{connection?}</c>,
    /// the connect flow's browser endpoints (<c>/connect/{link}</c> and the OAuth redirect URI <c>/connect/callback</c>), and
    /// the proxy <c>{proxyPrefix}/{connection}/{path}</c> (same API keys), which forwards to the connection's provider through
    /// the outbound pipeline and can reach nothing but the provider's API base URL.
    /// </summary>
    public static IEndpointRouteBuilder MapMooring(this IEndpointRouteBuilder endpoints, string apiPrefix = "/api", string proxyPrefix = "/proxy")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        var api = endpoints.MapGroup(apiPrefix).AddEndpointFilter<ManagementApiKeyFilter>();
        StatusEndpoints.Map(api);
        ConnectionEndpoints.Map(api);
        WebhookManagementEndpoints.Map(api);
        RequestLogEndpoints.Map(api);
        SyncEndpoints.Map(api);
        WebhookEndpoints.Map(endpoints);
        ConnectLinkEndpoints.Map(api);
        ConnectEndpoints.Map(endpoints);
        ProxyEndpoints.Map(endpoints, proxyPrefix);
        return endpoints;
    }
}
