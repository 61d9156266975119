using System.Diagnostics.CodeAnalysis;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// A request about received events as text, as the management API (<see cref="WebhookManagementEndpoints"/>) and the
/// <c>mooring webhooks</c> commands both take it: a listing read into a <see cref="WebhookEventQuery"/> or refused with a
/// problem naming the field, and the answers for an event that is not there or cannot be replayed.
/// </summary>
internal static class WebhookEventRequest
{
    /// <summary>A listing, from the query of <c>GET /api/webhooks/events</c>: <paramref name="status"/> comma-separated, <paramref name="limit"/> 100 if omitted.</summary>
    public static bool TryQuery(
        string? provider, string? status, string? type, long? before, int? limit,
        [NotNullWhen(true)] out WebhookEventQuery? query, [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (!QueryFields.TryProvider(provider, out var key, out problem))
        {
            return false;
        }

        var statuses = new List<WebhookEventStatus>();
        foreach (var text in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!StatusText.TryParse(text, out var parsed))
            {
                problem = $"status: '{text}' is not one of pending, processing, completed, failed, dead.";
                return false;
            }

            statuses.Add(parsed);
        }

        if (!QueryFields.TryLimit(limit, out var size, out problem))
        {
            return false;
        }

        query = new WebhookEventQuery { Provider = key, Statuses = statuses, EventType = type, Before = before, Limit = size };
        return true;
    }

    /// <summary>Whether the event can be put back in the queue: only failed and dead events can.</summary>
    public static bool IsReplayable(WebhookEventRecord found) => found.Status is WebhookEventStatus.Failed or WebhookEventStatus.Dead;

    /// <summary>The answer for an event that is not there (the API's 404).</summary>
    public static string NotFound(long id) => $"There is no webhook event {id}.";

    /// <summary>The answer for an event that is not failed or dead (the API's 409).</summary>
    public static string NotReplayable(WebhookEventRecord found) =>
        $"Event {found.Id} is {StatusText.Of(found.Status)}; only failed or dead events can be replayed.";
}
