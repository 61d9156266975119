using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary><c>/api/connections</c>: list, look up by end user, get, create (API key, basic, client credentials), disconnect.</summary>
internal static class ConnectionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/connections");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateConnectionEndpoint.CreateAsync);
        group.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(
        IConnectionStore store, string? provider, string? endUser, string? tenant, string? status, string? after, string? limit, CancellationToken cancellationToken)
    {
        if (!QueryFields.TryInt("limit", limit, out var max, out var problem) || !QueryFields.TryLimit(max, out var size, out problem))
        {
            return Problems.BadRequest(problem);
        }

        var query = new ConnectionQuery { EndUserRef = endUser, TenantRef = tenant, Limit = size };
        if (provider is not null)
        {
            if (!ProviderKey.TryParse(provider, out var key, out var error))
            {
                return Problems.BadRequest("provider: " + error);
            }

            query = query with { Provider = key };
        }

        if (status is not null)
        {
            if (!Enum.TryParse<ConnectionStatus>(status.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed))
            {
                return Problems.BadRequest($"status: '{status}' is not one of active, needs_reconnect, degraded.");
            }

            query = query with { Status = parsed };
        }

        if (after is not null)
        {
            if (!ConnectionId.TryParse(after, out var afterId, out var error))
            {
                return Problems.BadRequest("after: " + error);
            }

            query = query with { After = afterId };
        }

        var connections = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var next = connections.Count == query.Limit ? connections[^1].Id.Value : null;
        return Results.Ok(new { data = connections.Select(ConnectionDto.From), next_after = next });
    }

    private static async Task<IResult> GetAsync(IConnectionStore store, string id, CancellationToken cancellationToken)
    {
        if (!ConnectionId.TryParse(id, out var connectionId, out var error))
        {
            return Problems.BadRequest("id: " + error);
        }

        var stored = await store.GetAsync(connectionId, cancellationToken).ConfigureAwait(false);
        return stored is null ? Problems.NotFound($"There is no connection '{id}'.") : Results.Ok(ConnectionDto.From(stored.Connection));
    }

    private static async Task<IResult> DeleteAsync(IConnectionManager connections, string id, CancellationToken cancellationToken)
    {
        if (!ConnectionId.TryParse(id, out var connectionId, out var error))
        {
            return Problems.BadRequest("id: " + error);
        }

        // Revokes at the provider, then deletes locally even if the provider is down; the answer says which happened.
        var result = await connections.DisconnectAsync(connectionId, cancellationToken).ConfigureAwait(false);
        return result.Deleted
            ? Results.Ok(new { deleted = true, revoked = result.Revoked, revocation_error = result.RevocationError })
            : Problems.NotFound($"There is no connection '{id}'.");
    }
}
