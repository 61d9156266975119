using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync;

namespace Mooring.AspNetCore.Sync;

/// <summary><c>/api/syncs</c>: models, state per connection, trigger, pause, resume, the run log; <c>/api/records</c>: the change feed.</summary>
internal static class SyncEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var syncs = api.MapGroup("/syncs");
        syncs.MapGet("/", ListAsync);
        syncs.MapGet("/models", (ISyncManager manager) => Results.Ok(new { data = manager.Models.Select(SyncDto.From) }));
        syncs.MapPost("/{connection}/{model}/trigger", TriggerAsync);
        syncs.MapPost("/{connection}/{model}/pause", (ISyncManager m, string connection, string model, CancellationToken ct) => ActAsync(connection, id => m.PauseAsync(id, model, ct), "paused"));
        syncs.MapPost("/{connection}/{model}/resume", (ISyncManager m, string connection, string model, CancellationToken ct) => ActAsync(connection, id => m.ResumeAsync(id, model, ct), "resumed"));
        syncs.MapGet("/{connection}/{model}/runs", RunsAsync);
        api.MapGet("/records", RecordsAsync);
    }

    private static async Task<IResult> ListAsync(ISyncManager manager, string? connection, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            return Problems.BadRequest("connection: required; name the connection whose syncs to show (GET /api/syncs/models lists the models).");
        }

        if (!SyncRequest.TryConnection(connection, out var id, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var statuses = await manager.GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new { data = statuses.Select(SyncDto.From) });
        }
        catch (Exception ex) when (SyncRequest.NotFound(ex) is { } notFound)
        {
            return Problems.NotFound(notFound);
        }
    }

    private static Task<IResult> TriggerAsync(ISyncManager manager, string connection, string model, string? kind, bool? force, CancellationToken cancellationToken)
    {
        var runKind = kind switch
        {
            null or "incremental" => SyncRunKind.Incremental,
            "full" => SyncRunKind.Full,
            _ => (SyncRunKind?)null,
        };
        if (runKind is null)
        {
            return Task.FromResult(Problems.BadRequest($"kind: '{kind}' is not one of full, incremental."));
        }

        if (force == true && runKind != SyncRunKind.Full)
        {
            return Task.FromResult(Problems.BadRequest("force: only a full sync can be forced past the deletion guard; add kind=full."));
        }

        return ActAsync(connection, id => manager.RequestAsync(id, model, new SyncRunRequest(runKind.Value, force == true), cancellationToken), "requested", StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> RunsAsync(ISyncManager manager, string connection, string model, string? limit, CancellationToken cancellationToken)
    {
        if (!QueryFields.TryInt("limit", limit, out var max, out var problem) || !SyncRequest.TryConnection(connection, out var id, out problem) || !SyncRequest.TryLimit(max, out problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var runs = await manager.ListRunsAsync(id, model, max ?? 50, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new { data = runs.Select(SyncDto.From) });
        }
        catch (Exception ex) when (SyncRequest.NotFound(ex) is { } notFound)
        {
            return Problems.NotFound(notFound);
        }
    }

    private static async Task<IResult> RecordsAsync(IRecordReader reader, ISyncManager manager, string? connection, string? model, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        if (!QueryFields.TryInt("limit", limit, out var max, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        if (connection is null)
        {
            return Problems.BadRequest("connection: required.");
        }

        if (!SyncRequest.TryConnection(connection, out var id, out problem))
        {
            return Problems.BadRequest(problem);
        }

        if (model is null || manager.Models.All(m => m.Model != model))
        {
            return Problems.BadRequest($"model: {(model is null ? "required" : $"'{model}' is not a sync model")}; one of {string.Join(", ", manager.Models.Select(m => m.Model))}.");
        }

        if (!SyncRequest.TryLimit(max, out problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var page = await reader.ReadChangesAsync(id, model, cursor, max ?? 100, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new { data = page.Records.Select(SyncDto.From), next_cursor = page.NextCursor, has_more = page.HasMore });
        }
        catch (ArgumentException ex) when (ex.ParamName == "cursor")
        {
            return Problems.BadRequest("cursor: " + ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static async Task<IResult> ActAsync(string connection, Func<ConnectionId, Task> act, string done, int status = StatusCodes.Status200OK)
    {
        if (!SyncRequest.TryConnection(connection, out var id, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            await act(id).ConfigureAwait(false);
            return Results.Json(new { status = done }, statusCode: status);
        }
        catch (Exception ex) when (SyncRequest.NotFound(ex) is { } notFound)
        {
            return Problems.NotFound(notFound);
        }
    }
}
