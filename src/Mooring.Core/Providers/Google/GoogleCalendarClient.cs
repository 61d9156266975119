using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Providers.Google;

/// <summary>Google Calendar for a connection (provider <c>google-calendar</c>), through Mooring's outbound pipeline.</summary>
public sealed class GoogleCalendarClient
{
    private readonly IProviderApi _api;

    /// <summary>Creates the client over <paramref name="api"/>.</summary>
    public GoogleCalendarClient(IProviderApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <summary>
    /// The events of <paramref name="calendarId"/> (<c>primary</c> for the user's own) in start order, recurring events
    /// expanded into their instances (<c>singleEvents=true</c>, <c>orderBy=startTime</c>), every page.
    /// </summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="timeMin">Only events ending after this time.</param>
    /// <param name="timeMax">Only events starting before this time.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="ProviderApiException">Google refused or failed a page.</exception>
    public async IAsyncEnumerable<CalendarEvent> ListEventsAsync(
        ConnectionId connectionId, string calendarId, DateTimeOffset? timeMin, DateTimeOffset? timeMax, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(calendarId);
        var query = new List<KeyValuePair<string, string>> { new("singleEvents", "true"), new("orderBy", "startTime") };
        if (timeMin is { } min)
        {
            query.Add(new("timeMin", min.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        if (timeMax is { } max)
        {
            query.Add(new("timeMax", max.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        var request = new ProviderRequest(HttpMethod.Get, $"calendars/{Uri.EscapeDataString(calendarId)}/events")
        {
            Operation = "GET /calendars/{calendarId}/events",
            Query = query,
            Items = "/items",
        };
        await foreach (var item in _api.ListAsync(connectionId, request, cancellationToken).ConfigureAwait(false))
        {
            var (start, allDay) = When(item, "start");
            yield return new CalendarEvent(
                item.GetProperty("id").GetString()!,
                item.TryGetProperty("summary", out var summary) ? summary.GetString() : null,
                item.TryGetProperty("status", out var status) ? status.GetString()! : "confirmed",
                start,
                When(item, "end").At,
                allDay);
        }
    }

    // {"dateTime": "2026-11-28T10:00:00+01:00"} or, all day, {"date": "2026-11-28"}.
    private static (DateTimeOffset? At, bool AllDay) When(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var when))
        {
            return (null, false);
        }

        if (when.TryGetProperty("dateTime", out var dateTime))
        {
            return (DateTimeOffset.Parse(dateTime.GetString()!, CultureInfo.InvariantCulture), false);
        }

        return when.TryGetProperty("date", out var date)
            ? (DateTimeOffset.ParseExact(date.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), true)
            : (null, false);
    }
}
