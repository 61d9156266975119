namespace Mooring.Sandbox.Google.Channels;

/// <summary>One notification channel that <c>events.watch</c> opened on a calendar; it numbers its messages from 1 (the <c>sync</c>).</summary>
internal sealed class CalendarChannel(string id, string? token, Uri address, string calendar, string resourceId, DateTimeOffset expiration)
{
    private long _messages;

    public string Id { get; } = id;

    public string? Token { get; } = token;

    public Uri Address { get; } = address;

    /// <summary>The calendar's key in the account (<c>primary</c> for the user's own, whatever name the watch used).</summary>
    public string Calendar { get; } = calendar;

    public string ResourceId { get; } = resourceId;

    /// <summary>Google's version-specific name of the watched collection, as <c>X-Goog-Resource-URI</c> and the answer give it.</summary>
    public string ResourceUri => $"https://www.googleapis.com/calendar/v3/calendars/{Uri.EscapeDataString(Calendar)}/events?alt=json";

    public DateTimeOffset Expiration { get; } = expiration;

    public bool Stopped { get; set; }

    public long NextMessageNumber() => Interlocked.Increment(ref _messages);
}
