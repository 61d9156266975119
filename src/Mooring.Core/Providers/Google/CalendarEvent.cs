namespace Mooring.Providers.Google;

/// <summary>An event of a Google Calendar (one instance of a recurring event).</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Summary">Its title, if any.</param>
/// <param name="Status"><c>confirmed</c>, <c>tentative</c> or <c>cancelled</c>.</param>
/// <param name="Start">When it starts: a time, or midnight UTC of the day for an all-day event.</param>
/// <param name="End">When it ends (exclusive).</param>
/// <param name="IsAllDay">Whether it lasts whole days.</param>
public sealed record CalendarEvent(string Id, string? Summary, string Status, DateTimeOffset? Start, DateTimeOffset? End, bool IsAllDay);
