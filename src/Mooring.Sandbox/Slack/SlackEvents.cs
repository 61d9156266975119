using System.Globalization;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Webhooks;

namespace Mooring.Sandbox.Slack;

/// <summary>Events API callbacks for message changes: <c>message</c>, <c>message_changed</c>, <c>message_deleted</c> in the event_callback envelope.</summary>
internal static class SlackEvents
{
    public static WebhookMessage For(SlackWorkspace workspace, long channel, RecordStore store, Change change)
    {
        var record = store.Get(change.Index)!.Value;
        var channelId = workspace.ChannelId(channel);
        var message = SlackJson.Message(store, record with { Deleted = false }, store.Seed);
        var ts = SlackIds.Ts(change.At, change.Sequence);
        var evt = change.Kind switch
        {
            ChangeKind.Created => (JsonObject)message.DeepClone(),
            ChangeKind.Updated => new JsonObject { ["type"] = "message", ["subtype"] = "message_changed", ["hidden"] = true, ["message"] = message.DeepClone() },
            _ => new JsonObject { ["type"] = "message", ["subtype"] = "message_deleted", ["hidden"] = true, ["deleted_ts"] = message["ts"]!.DeepClone() },
        };
        evt["channel"] = channelId;
        evt["event_ts"] = ts;
        evt["channel_type"] = "channel";
        var eventId = "Ev" + SlackIds.Encode('E', store.Seed, change.Sequence)[1..] + channel.ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["token"] = "sandbox-verification-token",
            ["team_id"] = SlackWorkspace.TeamId,
            ["api_app_id"] = SlackWorkspace.AppId,
            ["event"] = evt,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = change.At.ToUnixTimeSeconds(),
        };
        return new WebhookMessage(eventId, "event_callback", body.ToJsonString());
    }
}
