using System.Net;
using System.Text.Json;

namespace Mooring.Sync.Providers;

/// <summary>
/// What Stripe's models share: a list endpoint paged newest first with <c>starting_after</c>, and <c>/v1/events</c> as the
/// change feed. Changes are read forward from an event id with <c>ending_before</c> (each page is the next-oldest events,
/// newest first, so it is applied reversed) and the newest event id applied is the cursor, saved with every page.
/// </summary>
internal sealed class StripeFeed(string listPath, string eventFilter, Func<string, bool> isDeletion)
{
    private const int PageSize = 100;
    private const int MaxEventsWithoutCursor = 10_000;

    /// <summary>The newest matching event's id, or empty when there is none yet.</summary>
    public async Task<string?> CursorAsync(SyncContext context, CancellationToken cancellationToken)
    {
        using var json = await SyncHttp.GetJsonAsync(context, $"v1/events?limit=1&{eventFilter}", cancellationToken).ConfigureAwait(false);
        var data = json.RootElement.GetProperty("data");
        return data.GetArrayLength() > 0 ? data[0].GetProperty("id").GetString() : string.Empty;
    }

    public async Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken)
    {
        var uri = $"{listPath}{(listPath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit={PageSize}{(pageToken is null ? string.Empty : "&starting_after=" + Uri.EscapeDataString(pageToken))}";
        using var json = await SyncHttp.GetJsonAsync(context, uri, cancellationToken).ConfigureAwait(false);
        var items = new List<SyncItem>(PageSize);
        string? last = null;
        foreach (var item in json.RootElement.GetProperty("data").EnumerateArray())
        {
            last = item.GetProperty("id").GetString()!;
            items.Add(SyncItem.Record(last, item));
        }

        return new SyncPage(items, json.RootElement.GetProperty("has_more").GetBoolean() ? last : null);
    }

    public async Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, CancellationToken cancellationToken)
    {
        if (cursor.Length == 0)
        {
            return await ListFromStartAsync(context, cancellationToken).ConfigureAwait(false);
        }

        using var response = await SyncHttp.GetAsync(context, $"v1/events?limit={PageSize}&ending_before={Uri.EscapeDataString(cursor)}&{eventFilter}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SyncCursorExpiredException($"Stripe no longer has event {cursor} (events are kept 30 days).");
        }

        using var json = await SyncHttp.ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
        var events = json.RootElement.GetProperty("data").EnumerateArray().Reverse().ToList();
        var items = events.Select(Map).ToList();
        var newest = events.Count > 0 ? events[^1].GetProperty("id").GetString() : cursor;
        return new SyncPage(items, json.RootElement.GetProperty("has_more").GetBoolean() ? newest : null, newest);
    }

    /// <summary>No event existed when the feed was captured: every event now is new. They are few (a backfill's worth), read newest first and applied oldest first.</summary>
    private async Task<SyncPage> ListFromStartAsync(SyncContext context, CancellationToken cancellationToken)
    {
        var documents = new List<JsonDocument>();
        try
        {
            var events = new List<JsonElement>();
            string? after = null;
            bool more;
            do
            {
                var json = await SyncHttp.GetJsonAsync(context, $"v1/events?limit={PageSize}&{eventFilter}{(after is null ? string.Empty : "&starting_after=" + after)}", cancellationToken).ConfigureAwait(false);
                documents.Add(json);
                events.AddRange(json.RootElement.GetProperty("data").EnumerateArray());
                more = json.RootElement.GetProperty("has_more").GetBoolean();
                after = events.Count > 0 ? events[^1].GetProperty("id").GetString() : null;
                if (events.Count > MaxEventsWithoutCursor)
                {
                    throw new SyncCursorExpiredException($"More than {MaxEventsWithoutCursor} Stripe events arrived since a feed position of 'no events'.");
                }
            }
            while (more);

            events.Reverse();
            var newest = events.Count > 0 ? events[^1].GetProperty("id").GetString() : string.Empty;
            return new SyncPage([.. events.Select(Map)], null, newest);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    private SyncItem Map(JsonElement evt)
    {
        var type = evt.GetProperty("type").GetString()!;
        var obj = evt.GetProperty("data").GetProperty("object");
        var id = obj.GetProperty("id").GetString()!;
        var at = DateTimeOffset.FromUnixTimeSeconds(evt.GetProperty("created").GetInt64());
        return isDeletion(type) ? SyncItem.Deletion(id, at) : SyncItem.Record(id, obj, at);
    }
}
