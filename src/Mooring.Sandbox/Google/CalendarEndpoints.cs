using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>
/// Calendar API v3 events.list under <c>/calendar/v3/calendars/{calendarId}/events</c>: full listing with pageToken,
/// showDeleted, singleEvents and orderBy; incremental with syncToken (changes only, deletions as cancelled, 410 when
/// the token is too old); nextSyncToken on the last page only.
/// </summary>
internal static class CalendarEndpoints
{
    private static readonly string[] NotWithSyncToken = ["orderBy", "timeMin", "timeMax", "updatedMin", "q", "iCalUID", "privateExtendedProperty", "sharedExtendedProperty"];

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/calendar/v3/calendars/{calendarId}/events", (HttpContext context, string calendarId) =>
            GoogleAuth.Check(state.Tokens, context) ?? List(state.Google.Calendar(calendarId), calendarId, context.Request)).Named("calendar.events.list");

        group.MapGet("/calendar/v3/calendars/{calendarId}/events/{eventId}", (HttpContext context, string calendarId, string eventId) =>
        {
            var store = state.Google.Calendar(calendarId);
            return GoogleAuth.Check(state.Tokens, context) ?? (CalendarJson.Index(store, eventId) is { } i && store.Get(i) is { } record
                ? SandboxResults.Json(CalendarJson.Event(store, record, calendarId))
                : GoogleErrors.NotFound());
        }).Named("calendar.events.get");
    }

    private static IResult List(RecordStore store, string calendarId, HttpRequest request)
    {
        var q = request.Query;
        var max = int.TryParse(q["maxResults"], out var m) && m > 0 ? Math.Min(m, 2500) : 250;
        var syncToken = q["syncToken"].FirstOrDefault();
        var orderBy = q["orderBy"].FirstOrDefault();
        if (syncToken is not null && NotWithSyncToken.FirstOrDefault(p => q.ContainsKey(p)) is { } conflicting)
        {
            return GoogleErrors.BadRequest($"The parameter {conflicting} cannot be used together with syncToken.");
        }

        if (orderBy == "startTime" && q["singleEvents"] != "true")
        {
            return GoogleErrors.BadRequest("The requested ordering is not available for the particular query.");
        }

        var page = GoogleTokens.Decode("c", q["pageToken"]);
        if (page is { Sequence: < 0 })
        {
            return GoogleErrors.BadRequest("Invalid page token value.");
        }

        var asOf = page?.Sequence ?? (syncToken is null ? store.Sequence : 0);
        IEnumerable<RecordState> items;
        var resumeByIndex = false;
        if (syncToken is not null)
        {
            var since = GoogleTokens.Decode("s", syncToken);
            var changes = since is { Sequence: >= 0 } s ? store.ChangesSince(s.Sequence) : null;
            if (changes is null)
            {
                return GoogleErrors.Error(410, "Sync token is no longer valid, a full sync is required.", "fullSyncRequired", "GONE");
            }

            asOf = page?.Sequence ?? store.Sequence;
            var cut = asOf;
            items = changes.Where(c => c.Sequence <= cut).GroupBy(c => c.Index).Select(g => store.Get(g.Key)!.Value);
        }
        else
        {
            var showDeleted = q["showDeleted"] == "true";
            resumeByIndex = orderBy is null;
            items = store.Scan(resumeByIndex ? page?.Offset ?? 0 : 0, descending: false).Where(r => showDeleted || !r.Deleted);
            var updatedMin = DateTimeOffset.TryParse(q["updatedMin"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var u) ? u : (DateTimeOffset?)null;
            items = updatedMin is null ? items : items.Where(r => r.UpdatedAt >= updatedMin);
            items = orderBy switch
            {
                "startTime" => items.OrderBy(r => CalendarJson.Start(store, r)).ThenBy(r => r.Index),
                "updated" => items.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Index),
                _ => items,
            };
        }

        // In creation order the page token holds the next record's index, so a full sync of a million events is linear;
        // the other orders hold an offset.
        var offset = page?.Offset ?? 0;
        var slice = (resumeByIndex ? items : items.Skip((int)offset)).Take(max + 1).ToList();
        var body = new JsonObject
        {
            ["kind"] = "calendar#events",
            ["etag"] = $"\"{store.Sequence}\"",
            ["summary"] = calendarId == "primary" ? GoogleAccount.Email : calendarId,
            ["updated"] = CalendarJson.Time(slice.Count > 0 ? slice.Max(r => r.UpdatedAt) : DateTimeOffset.UnixEpoch),
            ["timeZone"] = "UTC",
            ["accessRole"] = "owner",
            ["defaultReminders"] = new JsonArray(),
        };
        if (slice.Count > max)
        {
            body["nextPageToken"] = GoogleTokens.Encode("c", asOf, resumeByIndex ? slice[max].Index : offset + max);
        }
        else
        {
            body["nextSyncToken"] = GoogleTokens.Encode("s", asOf);
        }

        body["items"] = new JsonArray([.. slice.Take(max).Select(r => (JsonNode)CalendarJson.Event(store, r, calendarId))]);
        return SandboxResults.Json(body);
    }
}
