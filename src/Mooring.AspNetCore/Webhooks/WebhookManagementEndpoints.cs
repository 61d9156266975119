using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.AspNetCore.Management;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Webhooks;

/// <summary><c>/api/webhooks</c>: list and inspect events with their deliveries, replay one or all failed and dead ones; the channels (<see cref="WebhookChannelEndpoints"/>).</summary>
internal static class WebhookManagementEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks");
        group.MapGet("/events", ListAsync);
        group.MapGet("/events/{id:long}", GetAsync);
        group.MapPost("/events/{id:long}/replay", ReplayOneAsync);
        group.MapPost("/events/replay", ReplayAllAsync);
        group.MapPost("/deliveries/replay", ReplayDeliveriesAsync);
        WebhookChannelEndpoints.Map(group);
    }

    private static async Task<IResult> ListAsync(IWebhookEventStore store, string? provider, string? status, string? type, string? before, string? limit, CancellationToken cancellationToken)
    {
        if (!QueryFields.TryLong("before", before, out var beforeId, out var problem)
            || !QueryFields.TryInt("limit", limit, out var max, out problem)
            || !WebhookEventRequest.TryQuery(provider, status, type, beforeId, max, out var query, out problem))
        {
            return Problems.BadRequest(problem);
        }

        var events = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var next = events.Count == query.Limit ? events[^1].Id : (long?)null;
        return Results.Ok(new { data = events.Select(WebhookEventDto.From), next_before = next });
    }

    private static async Task<IResult> GetAsync(IWebhookEventStore store, IWebhookDeliveryStore deliveries, long id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Problems.NotFound(WebhookEventRequest.NotFound(id));
        }

        var forwarded = new List<object>();
        foreach (var d in await deliveries.ListAsync(id, 100, cancellationToken).ConfigureAwait(false))
        {
            var attempts = await deliveries.ListAttemptsAsync(d.Id, cancellationToken).ConfigureAwait(false);
            forwarded.Add(new
            {
                id = d.Id, target = d.Target, message_id = d.MessageId, status = StatusText.Of(d.Status), attempts = d.Attempts,
                next_attempt_at = d.NextAttemptAt, last_status_code = d.LastStatusCode, last_error = d.LastError, delivered_at = d.DeliveredAt,
                log = attempts.Select(a => new { attempt = a.Attempt, at = a.At, status_code = a.StatusCode, duration_ms = a.DurationMs, error = a.Error }),
            });
        }

        return Results.Ok(WebhookEventDto.Detail(found, forwarded));
    }

    private static async Task<IResult> ReplayOneAsync(IWebhookEventStore store, WebhookSignal signal, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Problems.NotFound(WebhookEventRequest.NotFound(id));
        }

        if (!WebhookEventRequest.IsReplayable(found))
        {
            return Results.Problem(title: "Conflict", detail: WebhookEventRequest.NotReplayable(found), statusCode: StatusCodes.Status409Conflict);
        }

        var replayed = await store.ReplayAsync([id], time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        signal.Pulse();
        return Results.Ok(new { replayed });
    }

    private static async Task<IResult> ReplayAllAsync(IWebhookEventStore store, WebhookSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var replayed = await store.ReplayAsync(null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        signal.Pulse();
        return Results.Ok(new { replayed });
    }

    private static async Task<IResult> ReplayDeliveriesAsync(IWebhookDeliveryStore deliveries, WebhookForwarder forwarder, TimeProvider time, CancellationToken cancellationToken)
    {
        var replayed = await deliveries.ReplayAsync(null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        forwarder.Queued.Pulse();
        return Results.Ok(new { replayed });
    }
}
