using System.Net;
using System.Text.Json;

namespace Mooring.Sync.Providers;

/// <summary>
/// Gmail messages (metadata: headers, labels, snippet): a full listing reads the profile's <c>historyId</c> first, then
/// pages <c>messages.list</c> and fetches each message; changes come from <c>history.list</c> (added, label changes,
/// deleted), and its 404 for a too-old <c>startHistoryId</c> means a full sync follows.
/// </summary>
public sealed class GmailMessagesSync : SyncDefinition
{
    private const int PageSize = 100;

    /// <inheritdoc/>
    public override string Provider => "google-mail";

    /// <inheritdoc/>
    public override string Model => "gmail-messages";

    /// <inheritdoc/>
    public override async Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken)
    {
        using var json = await SyncHttp.GetJsonAsync(context, "users/me/profile", cancellationToken).ConfigureAwait(false);
        return json.RootElement.GetProperty("historyId").GetString();
    }

    /// <inheritdoc/>
    public override async Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken)
    {
        var uri = $"users/me/messages?maxResults={PageSize}" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
        using var json = await SyncHttp.GetJsonAsync(context, uri, cancellationToken).ConfigureAwait(false);
        var ids = json.RootElement.TryGetProperty("messages", out var messages)
            ? messages.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList()
            : [];
        var items = new List<SyncItem>(ids.Count);
        foreach (var id in ids)
        {
            if (await FetchAsync(context, id, cancellationToken).ConfigureAwait(false) is { Deleted: false } item)
            {
                items.Add(item);
            }
        }

        return new SyncPage(items, json.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null);
    }

    /// <inheritdoc/>
    public override async Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var uri = $"users/me/history?maxResults={PageSize}&startHistoryId={Uri.EscapeDataString(cursor)}" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
        using var response = await SyncHttp.GetAsync(context, uri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SyncCursorExpiredException($"Gmail answered 404 to history.list: history id {cursor} is older than the retained history.");
        }

        using var json = await SyncHttp.ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;

        // The last word on each message in the page decides: deleted, or fetched as it is now.
        var deleted = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var entry in root.TryGetProperty("history", out var history) ? history.EnumerateArray() : default)
        {
            foreach (var (kind, removed) in (ReadOnlySpan<(string, bool)>)[("messagesAdded", false), ("labelsAdded", false), ("labelsRemoved", false), ("messagesDeleted", true)])
            {
                foreach (var change in entry.TryGetProperty(kind, out var list) ? list.EnumerateArray() : default)
                {
                    deleted[change.GetProperty("message").GetProperty("id").GetString()!] = removed;
                }
            }
        }

        var items = new List<SyncItem>(deleted.Count);
        foreach (var (id, removed) in deleted)
        {
            items.Add(removed ? SyncItem.Deletion(id) : await FetchAsync(context, id, cancellationToken).ConfigureAwait(false));
        }

        var next = root.TryGetProperty("nextPageToken", out var token) ? token.GetString() : null;
        return new SyncPage(items, next, next is null ? root.GetProperty("historyId").GetString() : null);
    }

    private static async Task<SyncItem> FetchAsync(SyncContext context, string id, CancellationToken cancellationToken)
    {
        using var response = await SyncHttp.GetAsync(context, $"users/me/messages/{Uri.EscapeDataString(id)}?format=metadata", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return SyncItem.Deletion(id);
        }

        using var json = await SyncHttp.ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
        var internalDate = json.RootElement.TryGetProperty("internalDate", out var d) && long.TryParse(d.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : (DateTimeOffset?)null;
        return SyncItem.Record(id, json.RootElement, internalDate);
    }
}
