using Mooring.Outbound;

namespace Mooring.Sync.Providers;

/// <summary>
/// Slack channels (<c>conversations.list</c>, cursor pages). Slack has no change feed for channels, so every run is a full
/// pass, and channels gone from it are deleted after a complete pass.
/// </summary>
public sealed class SlackChannelsSync : SyncDefinition
{
    /// <inheritdoc/>
    public override string Provider => "slack";

    /// <inheritdoc/>
    public override string Model => "slack-channels";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["channel_created", "channel_deleted", "channel_rename", "channel_archive", "channel_unarchive"];

    /// <inheritdoc/>
    public override async Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var uri = "conversations.list?limit=200&exclude_archived=false" + (pageToken is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(pageToken));
        using var json = await SyncHttp.GetJsonAsync(context, uri, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        var items = root.GetProperty("channels").EnumerateArray().Select(c => SyncItem.Record(c.GetProperty("id").GetString()!, c)).ToList();
        return new SyncPage(items, SlackWebApi.NextCursor(root));
    }

    /// <inheritdoc/>
    /// <remarks>There is no change feed: the engine runs full passes, never this.</remarks>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        throw new SyncCursorExpiredException("Slack has no change feed for channels.");
}
