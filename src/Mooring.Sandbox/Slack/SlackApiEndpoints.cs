using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack Web API methods under <c>/api/</c>: conversations.list, conversations.history, chat.postMessage, chat.delete.</summary>
internal static class SlackApiEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        // The scope each method needs with a bot token (https://docs.slack.dev/reference/methods), when EnforceScopes is on.
        Method(group, state, "conversations.list", "channels:read", (args, _) => ConversationsList(state, args));
        Method(group, state, "conversations.history", "channels:history", (args, _) => ConversationsHistory(state, args));
        Method(group, state, "chat.postMessage", "chat:write", (args, context) => PostMessage(state, args, context));
        Method(group, state, "chat.delete", "chat:write", (args, _) => DeleteMessage(state, args));
    }

    private static void Method(RouteGroupBuilder group, SandboxState state, string name, string scope, Func<SlackArgs, HttpContext, IResult> handler) =>
        group.MapMethods("/api/" + name, ["GET", "POST"], async (HttpContext context) =>
        {
            var args = await SlackArgs.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (args["__invalid_json"] is not null)
            {
                return SlackResults.Error("invalid_json");
            }

            if (SlackResults.AuthError(state.Tokens, args.Token) is { } error)
            {
                return SlackResults.Error(error);
            }

            if (state.Options.EnforceScopes && Scopes(state, args.Token) is var granted && !granted.Contains(scope))
            {
                return SlackResults.MissingScope(scope, granted);
            }

            return handler(args, context);
        }).Named(name);

    /// <summary>The scopes granted to a valid token (Slack separates them with commas; a test's token may use spaces).</summary>
    private static string[] Scopes(SandboxState state, string? token) =>
        state.Tokens.Check(SandboxProvider.Slack, token).Token?.Grant.Scope.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static IResult ConversationsList(SandboxState state, SlackArgs args)
    {
        var workspace = state.Slack;
        var limit = args.Int("limit", 100, 1000);
        var from = SlackResults.ReadCursor(args["cursor"]) ?? 0;
        if (from < 0)
        {
            return SlackResults.Error("invalid_cursor");
        }

        var page = workspace.Channels.Scan(from, descending: false).Where(c => !c.Deleted).Take(limit + 1).ToList();
        var channels = new JsonArray([.. page.Take(limit).Select(c => (JsonNode)SlackJson.Channel(workspace, c, state.Options.Seed))]);
        return SlackResults.Ok(new JsonObject
        {
            ["channels"] = channels,
            ["response_metadata"] = SlackResults.Cursor(page.Count > limit ? page[limit].Index : null),
        });
    }

    private static IResult ConversationsHistory(SandboxState state, SlackArgs args)
    {
        if (args["channel"] is null)
        {
            return SlackResults.MissingArgument("channel");
        }

        if (state.Slack.ChannelIndex(args["channel"]) is not { } channel)
        {
            return SlackResults.Error("channel_not_found");
        }

        var store = state.Slack.Messages(channel);
        var limit = args.Int("limit", 100, 999);
        var from = SlackResults.ReadCursor(args["cursor"]) ?? store.Count - 1;
        if (from < 0 && args["cursor"] is not null)
        {
            return SlackResults.Error("invalid_cursor");
        }

        var oldest = Seconds(args["oldest"]) ?? 0;
        var latest = Seconds(args["latest"]) ?? double.MaxValue;
        var page = store.Scan(from, descending: true)
            .Where(m => !m.Deleted)
            .Select(m => (Record: m, Ts: double.Parse(SlackIds.Ts(m.CreatedAt, m.Index), CultureInfo.InvariantCulture)))
            .TakeWhile(m => m.Ts > oldest)
            .Where(m => m.Ts < latest)
            .Take(limit + 1)
            .ToList();
        var hasMore = page.Count > limit;
        return SlackResults.Ok(new JsonObject
        {
            ["messages"] = new JsonArray([.. page.Take(limit).Select(m => (JsonNode)SlackJson.Message(store, m.Record, state.Options.Seed))]),
            ["has_more"] = hasMore,
            ["pin_count"] = 0,
            ["channel_actions_ts"] = null,
            ["channel_actions_count"] = 0,
            ["response_metadata"] = SlackResults.Cursor(hasMore ? page[limit].Record.Index : null),
        });
    }

    private static IResult PostMessage(SandboxState state, SlackArgs args, HttpContext context)
    {
        if (args["channel"] is null)
        {
            return SlackResults.MissingArgument("channel");
        }

        if (state.Slack.ChannelIndexOrName(args["channel"]) is not { } channel)
        {
            return SlackResults.Error("channel_not_found");
        }

        // chat.postMessage has its own limit: about one message per second per channel (the channel is only known here).
        var limits = state.Options.RateLimits;
        if (limits.Enabled && state.Limiter.Acquire($"slack:chat.postMessage:{args.Token}:{channel}", limits.SlackPostMessagePerSecond, TimeSpan.FromSeconds(1)) is { Allowed: false } over)
        {
            return SlackResults.RateLimited(context, over.RetryAfter);
        }

        if (string.IsNullOrEmpty(args["text"]) && string.IsNullOrEmpty(args["blocks"]) && string.IsNullOrEmpty(args["attachments"]))
        {
            return SlackResults.Error("no_text");
        }

        var store = state.Slack.Messages(channel);
        var fields = new JsonObject { ["text"] = args["text"] ?? string.Empty, ["user"] = SlackWorkspace.BotUserId, ["bot_id"] = SlackWorkspace.BotId };
        var index = store.Create(state.Options.TimeProvider.GetUtcNow(), fields);
        var message = SlackJson.Message(store, store.Get(index)!.Value, state.Options.Seed);
        return SlackResults.Ok(new JsonObject
        {
            ["channel"] = state.Slack.ChannelId(channel),
            ["ts"] = message["ts"]!.DeepClone(),
            ["message"] = message,
        });
    }

    /// <summary>Deletes a message by channel and <c>ts</c>; a bot token may delete only the bot's own messages, as at Slack.</summary>
    private static IResult DeleteMessage(SandboxState state, SlackArgs args)
    {
        if (args["channel"] is null || args["ts"] is null)
        {
            return SlackResults.MissingArgument(args["channel"] is null ? "channel" : "ts");
        }

        if (state.Slack.ChannelIndex(args["channel"]) is not { } channel)
        {
            return SlackResults.Error("channel_not_found");
        }

        var store = state.Slack.Messages(channel);
        var ts = args["ts"] ?? string.Empty;
        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !long.TryParse(ts.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || store.Get(index) is not { Deleted: false } record || SlackIds.Ts(record.CreatedAt, record.Index) != ts)
        {
            return SlackResults.Error("message_not_found");
        }

        if (store.Fields(index)?["bot_id"] is null)
        {
            return SlackResults.Error("cant_delete_message");
        }

        store.Delete(index, state.Options.TimeProvider.GetUtcNow());
        return SlackResults.Ok(new JsonObject { ["channel"] = state.Slack.ChannelId(channel), ["ts"] = ts });
    }

    private static double? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
