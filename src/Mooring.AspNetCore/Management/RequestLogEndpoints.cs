using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary><c>/api/requests</c>: the outbound request log, every attempt of every call to a provider, newest first.</summary>
internal static class RequestLogEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/requests", ListAsync);

    private static async Task<IResult> ListAsync(
        IRequestLogStore store, string? provider, string? connection, string? since, long? before, int? limit, bool? errors, string? category,
        CancellationToken cancellationToken)
    {
        if (!RequestLogRequest.TryQuery(provider, connection, since, before, limit, errors ?? false, category, out var query, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        var entries = await store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var next = entries.Count == query.Limit ? entries[^1].Id : (long?)null;
        return Results.Ok(new { data = entries.Select(RequestLogEntryDto.From), next_before = next });
    }
}
