using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mooring.Outbound;

namespace Mooring.Sync.Providers;

/// <summary>
/// Slack messages of the channels the bot is a member of (<c>conversations.list</c>, <c>is_member</c>): one record per
/// message, keyed <c>{channel}:{ts}</c>, the message with its <c>channel</c>. A full pass reads every channel's
/// <c>conversations.history</c> (cursor pages). The change cursor is each channel's newest <c>ts</c> (a compact JSON map);
/// an incremental pass reads each channel from that <c>ts</c> less a 5-minute overlap, and a channel new since then in
/// full. History lists an edited message under its original <c>ts</c>, so edits and deletions of older messages are seen
/// by full passes only; thread replies (<c>conversations.replies</c>) are not read.
/// </summary>
public sealed class SlackMessagesSync : SyncDefinition
{
    private const int PageSize = 200;
    private const decimal OverlapSeconds = 300;

    /// <inheritdoc/>
    public override string Provider => "slack";

    /// <inheritdoc/>
    public override string Model => "slack-messages";

    /// <inheritdoc/>
    /// <remarks>
    /// Events API <c>message</c> events (new messages, and the <c>message_changed</c> and <c>message_deleted</c> subtypes):
    /// the incremental run they start picks up new messages, not the edit or deletion of an older one.
    /// </remarks>
    public override IReadOnlyList<string> WebhookEventTypes => ["message"];

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        ListAsync(context, null, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var marks = Read<Dictionary<string, string>>(cursor) ?? throw new SyncCursorExpiredException($"'{cursor}' is not a Slack messages cursor.");
        return ListAsync(context, marks, pageToken, cancellationToken);
    }

    /// <summary>
    /// One request: the next page of channels when none is left to read, else the next history page of the first
    /// channel (from its mark less the overlap when <paramref name="since"/> has one). The last page carries the marks.
    /// </summary>
    private static async Task<SyncPage> ListAsync(SyncContext context, Dictionary<string, string>? since, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pass = pageToken is null ? new Pass() : Read<Pass>(pageToken) ?? throw new SyncCursorExpiredException($"'{pageToken}' is not a Slack messages page token.");
        while (pass.Queue.Count == 0)
        {
            if (pass.Listed)
            {
                return new SyncPage([], null, JsonSerializer.Serialize(pass.Marks));
            }

            using var list = await CallAsync(context, "conversations.list", $"limit={PageSize}&exclude_archived=false" + Cursor(pass.List), cancellationToken).ConfigureAwait(false);
            pass.Queue.AddRange(list!.RootElement.GetProperty("channels").EnumerateArray()
                .Where(c => !c.TryGetProperty("is_member", out var member) || member.ValueKind != JsonValueKind.False)
                .Select(c => c.GetProperty("id").GetString()!));
            pass.List = SlackWebApi.NextCursor(list.RootElement);
            pass.Listed = pass.List is null;
        }

        var channel = pass.Queue[0];
        var mark = pass.Marks.GetValueOrDefault(channel) ?? since?.GetValueOrDefault(channel);
        var oldest = since?.GetValueOrDefault(channel) is { } from && Seconds(from) - OverlapSeconds is > 0 and var start
            ? "&oldest=" + start.ToString("0.000000", CultureInfo.InvariantCulture)
            : string.Empty;
        using var history = await CallAsync(context, "conversations.history", $"channel={Uri.EscapeDataString(channel)}&limit={PageSize}{oldest}" + Cursor(pass.History), cancellationToken).ConfigureAwait(false);
        var items = new List<SyncItem>();
        foreach (var message in history?.RootElement.GetProperty("messages").EnumerateArray() ?? default)
        {
            var ts = message.GetProperty("ts").GetString()!;
            items.Add(Record(channel, ts, message));
            mark = mark is null || Seconds(ts) > Seconds(mark) ? ts : mark;
        }

        if (history is null)
        {
            pass.Marks.Remove(channel); // gone, or left by the bot, since the list: a full pass deletes its messages
        }
        else
        {
            pass.Marks[channel] = mark ?? "0";
        }

        pass.History = history is null ? null : SlackWebApi.NextCursor(history.RootElement);
        if (pass.History is null)
        {
            pass.Queue.RemoveAt(0);
        }

        var done = pass.Listed && pass.Queue.Count == 0;
        return new SyncPage(items, done ? null : JsonSerializer.Serialize(pass), done ? JsonSerializer.Serialize(pass.Marks) : null);
    }

    private static SyncItem Record(string channel, string ts, JsonElement message)
    {
        var data = JsonNode.Parse(message.GetRawText())!.AsObject();
        data["channel"] = channel;
        using var json = JsonDocument.Parse(data.ToJsonString());
        var changed = message.TryGetProperty("edited", out var edited) && edited.TryGetProperty("ts", out var e) ? e.GetString()! : ts;
        return SyncItem.Record($"{channel}:{ts}", json.RootElement, DateTimeOffset.FromUnixTimeMilliseconds((long)(Seconds(changed) * 1000)));
    }

    /// <summary>A Web API call's answer; <see langword="null"/> when history names a channel gone or left since the list.</summary>
    private static async Task<JsonDocument?> CallAsync(SyncContext context, string method, string query, CancellationToken cancellationToken)
    {
        try
        {
            return await SyncHttp.GetJsonAsync(context, method + "?" + query, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderApiException ex) when (method == "conversations.history" && ex.ProviderCode is "channel_not_found" or "not_in_channel")
        {
            return null;
        }
    }

    private static string Cursor(string? cursor) => cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor);

    private static decimal Seconds(string ts) => decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;

    private static T? Read<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Where a pass stands, carried in its page token: the channels still to read and the marks reached so far.</summary>
    private sealed class Pass
    {
        /// <summary>The <c>conversations.list</c> cursor of the next page of channels.</summary>
        [JsonPropertyName("list")]
        public string? List { get; set; }

        /// <summary>Whether every page of channels was read.</summary>
        [JsonPropertyName("listed")]
        public bool Listed { get; set; }

        /// <summary>The channels of the current page not yet read in full; the first is being read.</summary>
        [JsonPropertyName("queue")]
        public List<string> Queue { get; set; } = [];

        /// <summary>The first channel's next <c>conversations.history</c> cursor.</summary>
        [JsonPropertyName("history")]
        public string? History { get; set; }

        /// <summary>The newest <c>ts</c> seen per channel read so far (<c>0</c> for an empty channel).</summary>
        [JsonPropertyName("marks")]
        public Dictionary<string, string> Marks { get; set; } = new(StringComparer.Ordinal);
    }
}
