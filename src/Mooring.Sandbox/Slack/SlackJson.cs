using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack's conversation and message objects, rendered from a record's state and the seed.</summary>
internal static class SlackJson
{
    public static JsonObject Channel(SlackWorkspace workspace, RecordState record, int seed)
    {
        var name = record.Index == 0 ? "general" : $"{Names.Sentence(seed, "slack:channel", record.Index, 0, 1).ToLowerInvariant()}-{record.Index}";
        return new JsonObject
        {
            ["id"] = workspace.ChannelId(record.Index),
            ["name"] = name,
            ["is_channel"] = true,
            ["is_group"] = false,
            ["is_im"] = false,
            ["is_mpim"] = false,
            ["is_private"] = false,
            ["created"] = record.CreatedAt.ToUnixTimeSeconds(),
            ["is_archived"] = false,
            ["is_general"] = record.Index == 0,
            ["is_member"] = true,
            ["name_normalized"] = name,
            ["topic"] = new JsonObject { ["value"] = Names.Sentence(seed, "slack:topic", record.Index, record.Version), ["creator"] = SlackWorkspace.DefaultUser, ["last_set"] = record.UpdatedAt.ToUnixTimeSeconds() },
            ["purpose"] = new JsonObject { ["value"] = string.Empty, ["creator"] = string.Empty, ["last_set"] = 0 },
            ["num_members"] = 3 + (record.Index % 40),
        };
    }

    public static JsonObject Message(RecordStore store, RecordState record, int seed)
    {
        var fields = store.Fields(record.Index);
        var message = new JsonObject
        {
            ["type"] = "message",
            ["user"] = fields?["user"]?.GetValue<string>() ?? SlackWorkspace.DefaultUser,
            ["text"] = fields?["text"]?.GetValue<string>() ?? Names.Sentence(seed, store.Salt, record.Index, record.Version, 8),
            ["ts"] = SlackIds.Ts(record.CreatedAt, record.Index),
        };
        if (fields?["bot_id"] is { } botId)
        {
            message["bot_id"] = botId.DeepClone();
            message["app_id"] = SlackWorkspace.AppId;
        }

        if (record.Version > 0)
        {
            message["edited"] = new JsonObject { ["user"] = message["user"]!.DeepClone(), ["ts"] = SlackIds.Ts(record.UpdatedAt, record.Index) };
        }

        return message;
    }
}
