using System.Net;
using System.Text.Json;

namespace Mooring.Sync.Providers;

/// <summary>
/// Google Calendar events of the connection's calendar (metadata <c>calendar_id</c>, else <c>primary</c>): a full listing
/// ends with a <c>nextSyncToken</c>, which lists only changes since; <c>status: cancelled</c> is a deletion; 410
/// (<c>fullSyncRequired</c>) means the token expired and a full sync follows.
/// </summary>
public sealed class CalendarEventsSync : SyncDefinition
{
    /// <inheritdoc/>
    public override string Provider => "google-calendar";

    /// <inheritdoc/>
    public override string Model => "calendar-events";

    /// <inheritdoc/>
    /// <remarks>A watch channel's notifications (<c>X-Goog-Resource-State</c>); <c>sync</c>, the handshake, is not a change.</remarks>
    public override IReadOnlyList<string> WebhookEventTypes => ["exists", "not_exists"];

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        ListAsync(context, null, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        ListAsync(context, cursor, pageToken, cancellationToken);

    private static async Task<SyncPage> ListAsync(SyncContext context, string? syncToken, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = Uri.EscapeDataString(context.Connection.Metadata.GetValueOrDefault("calendar_id") ?? "primary");
        var uri = $"calendars/{calendar}/events?maxResults=250"
            + (syncToken is null ? string.Empty : "&syncToken=" + Uri.EscapeDataString(syncToken))
            + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
        using var response = await SyncHttp.GetAsync(context, uri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            throw new SyncCursorExpiredException("Google Calendar answered 410 fullSyncRequired: the sync token expired.");
        }

        using var json = await SyncHttp.ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        var items = new List<SyncItem>();
        foreach (var item in root.TryGetProperty("items", out var list) ? list.EnumerateArray() : default)
        {
            var id = item.GetProperty("id").GetString()!;
            var updated = item.TryGetProperty("updated", out var u) && u.TryGetDateTimeOffset(out var at) ? at : (DateTimeOffset?)null;
            items.Add(item.TryGetProperty("status", out var status) && status.GetString() == "cancelled"
                ? SyncItem.Deletion(id, updated)
                : SyncItem.Record(id, item, updated));
        }

        return new SyncPage(items, Text(root, "nextPageToken"), Text(root, "nextSyncToken"));
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
