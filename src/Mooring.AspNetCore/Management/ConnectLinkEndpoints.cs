using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Connections;
using Mooring.Connections;
using Mooring.OAuth;

namespace Mooring.AspNetCore.Management;

/// <summary><c>POST /api/connect-links</c>: a short-lived link the host app hands to an end user's browser to connect a provider.</summary>
internal static class ConnectLinkEndpoints
{
    internal sealed record Body(string? Provider, string? ConnectionId, string? EndUserRef, string? TenantRef, IReadOnlyList<string>? Scopes);

    public static void Map(RouteGroupBuilder api) => api.MapPost("/connect-links", CreateAsync);

    private static async Task<IResult> CreateAsync(
        HttpContext context, IConnectionManager connections, IOptions<ConnectionsOptions> options, Body body, CancellationToken cancellationToken)
    {
        if (!ProviderKey.TryParse(body.Provider, out var provider, out var error))
        {
            return Problems.BadRequest("provider: " + error);
        }

        ConnectionId? id = null;
        if (body.ConnectionId is not null)
        {
            if (!ConnectionId.TryParse(body.ConnectionId, out var parsed, out error))
            {
                return Problems.BadRequest("connectionId: " + error);
            }

            id = parsed;
        }

        var request = new ConnectRequest { Provider = provider, ConnectionId = id, EndUserRef = body.EndUserRef, TenantRef = body.TenantRef, Scopes = body.Scopes ?? [] };
        try
        {
            var link = await connections.CreateConnectLinkAsync(request, ConnectEndpoints.BaseUrl(context.Request, options.Value), cancellationToken).ConfigureAwait(false);
            return Results.Created((string?)null, new { url = link.Url.AbsoluteUri, expiresAt = link.ExpiresAt });
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
