using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Maps the providers' endpoint, <c>POST /webhooks/{provider}/{connection?}</c>, outside the management API.</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var receiver = endpoints.ServiceProvider.GetRequiredService<WebhookReceiver>();
        endpoints.MapPost("/webhooks/{provider}/{connection?}", (RequestDelegate)receiver.ReceiveAsync).ExcludeFromDescription();
    }
}
