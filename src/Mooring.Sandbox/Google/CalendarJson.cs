using System.Globalization;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Google;

/// <summary>Calendar's event resource; a deleted event appears, in an incremental sync or with showDeleted, as <c>status: cancelled</c>.</summary>
internal static class CalendarJson
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Id(RecordStore store, long index) =>
        (SplitMix.Hash(store.Seed, store.Salt, -1) % 1_000_000).ToString("d6", CultureInfo.InvariantCulture) + "sbx" + index.ToString(CultureInfo.InvariantCulture);

    public static long? Index(RecordStore store, string id)
    {
        var prefix = Id(store, 0)[..^1];
        return id.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    /// <summary>An event's start: a day offset from its creation, fixed per event, so orderBy=startTime differs from creation order.</summary>
    public static DateTimeOffset Start(RecordStore store, RecordState record) =>
        record.CreatedAt.AddDays((double)(SplitMix.Hash(store.Seed, store.Salt + ":start", record.Index) % 60)).AddHours(record.Version);

    public static JsonObject Event(RecordStore store, RecordState record, string calendarId)
    {
        var id = Id(store, record.Index);
        var etag = $"\"{record.UpdatedAt.ToUnixTimeMilliseconds()}{record.Version:D3}\"";
        if (record.Deleted)
        {
            return new JsonObject { ["kind"] = "calendar#event", ["etag"] = etag, ["id"] = id, ["status"] = "cancelled" };
        }

        var start = Start(store, record);
        var organizer = calendarId == "primary" ? GoogleAccount.Email : calendarId;
        return new JsonObject
        {
            ["kind"] = "calendar#event",
            ["etag"] = etag,
            ["id"] = id,
            ["status"] = "confirmed",
            ["htmlLink"] = "https://www.google.com/calendar/event?eid=" + id,
            ["created"] = Time(record.CreatedAt),
            ["updated"] = Time(record.UpdatedAt),
            ["summary"] = Names.Sentence(store.Seed, store.Salt, record.Index, record.Version, 3),
            ["creator"] = new JsonObject { ["email"] = organizer, ["self"] = true },
            ["organizer"] = new JsonObject { ["email"] = organizer, ["self"] = true },
            ["start"] = new JsonObject { ["dateTime"] = Time(start), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = Time(start.AddMinutes(30)), ["timeZone"] = "UTC" },
            ["iCalUID"] = id + "@google.com",
            ["sequence"] = record.Version,
            ["eventType"] = "default",
        };
    }
}
