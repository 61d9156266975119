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
        IRequestLogStore store, string? provider, string? connection, string? since, string? before, string? limit, string? errors, string? category,
        CancellationToken cancellationToken)
    {
        if (!QueryFields.TryLong("before", before, out var beforeId, out var problem)
            || !QueryFields.TryInt("limit", limit, out var max, out problem)
            || !QueryFields.TryFlag("errors", errors, out var errorsOnly, out problem)
            || !RequestLogRequest.TryQuery(provider, connection, since, beforeId, max, errorsOnly ?? false, category, out var query, out problem))
        {
            return Problems.BadRequest(problem);
        }

        var entries = await store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var next = entries.Count == query.Limit ? entries[^1].Id : (long?)null;
        return Results.Ok(new { data = entries.Select(RequestLogEntryDto.From), next_before = next });
    }
}
