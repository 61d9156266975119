using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>Gmail API v1 under <c>/gmail/v1/users/{userId}</c>: profile, messages.list, messages.get, messages.send, history.list.</summary>
internal static class GmailEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        var users = group.MapGroup("/gmail/v1/users/{userId}");
        var mailbox = state.Google.Mailbox;
        var seed = state.Options.Seed;

        users.MapGet("/profile", (HttpContext context, string userId) => Guard(state, context, userId) ?? SandboxResults.Json(new JsonObject
        {
            ["emailAddress"] = GoogleAccount.Email,
            ["messagesTotal"] = mailbox.Count,
            ["threadsTotal"] = mailbox.Count,
            ["historyId"] = HistoryId(mailbox.Sequence),
        })).Named("gmail.users.getProfile");

        users.MapGet("/messages", (HttpContext context, string userId) =>
        {
            if (Guard(state, context, userId) is { } denied)
            {
                return denied;
            }

            var max = Max(context.Request, 100, 500);
            var from = GoogleTokens.Decode("m", context.Request.Query["pageToken"]) is { } t ? t.Offset : mailbox.Count - 1;
            if (from < 0 && context.Request.Query.ContainsKey("pageToken"))
            {
                return GoogleErrors.BadRequest("Invalid pageToken");
            }

            var page = mailbox.Scan(from, descending: true).Where(r => !r.Deleted).Take(max + 1).ToList();
            var body = new JsonObject();
            if (page.Count > 0)
            {
                body["messages"] = new JsonArray([.. page.Take(max).Select(r => (JsonNode)GmailJson.Reference(seed, r))]);
            }

            if (page.Count > max)
            {
                body["nextPageToken"] = GoogleTokens.Encode("m", 0, page[max].Index);
            }

            body["resultSizeEstimate"] = page.Count == 0 ? 0 : mailbox.Count;
            return SandboxResults.Json(body);
        }).Named("gmail.users.messages.list");

        users.MapGet("/messages/{id}", (HttpContext context, string userId, string id) =>
            Guard(state, context, userId) ?? (GmailJson.Index(seed, id) is { } i && mailbox.Get(i) is { Deleted: false } record
                ? SandboxResults.Json(GmailJson.Message(mailbox, record, context.Request.Query["format"].FirstOrDefault() ?? "full"))
                : GoogleErrors.NotFound())).Named("gmail.users.messages.get");

        users.MapPost("/messages/send", async (HttpContext context, string userId) =>
            Guard(state, context, userId) ?? await SendAsync(state, context).ConfigureAwait(false)).Named("gmail.users.messages.send");

        users.MapGet("/history", (HttpContext context, string userId) => Guard(state, context, userId) ?? History(state, context)).Named("gmail.users.history.list");
    }

    private static async Task<IResult> SendAsync(SandboxState state, HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return GoogleErrors.BadRequest("Invalid JSON payload received.", "parseError");
        }

        string raw;
        try
        {
            raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(body?["raw"]?.GetValue<string>() ?? string.Empty));
        }
        catch (FormatException)
        {
            return GoogleErrors.BadRequest("Invalid value for ByteString", "invalidArgument");
        }

        if (raw.Length == 0)
        {
            return GoogleErrors.BadRequest("'raw' RFC822 payload message string or uploading message via /upload/* URL required", "invalidArgument");
        }

        var headerBlock = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")[0];
        if (!headerBlock.Split('\n').Any(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && l.Length > 3 && l.Contains('@', StringComparison.Ordinal)))
        {
            return GoogleErrors.BadRequest("Invalid To header", "invalidArgument");
        }

        var mailbox = state.Google.Mailbox;
        var index = mailbox.Create(state.Options.TimeProvider.GetUtcNow(), new JsonObject { ["raw"] = raw });
        var reference = GmailJson.Reference(state.Options.Seed, mailbox.Get(index)!.Value);
        reference["labelIds"] = new JsonArray("SENT");
        return SandboxResults.Json(reference);
    }

    private static IResult History(SandboxState state, HttpContext context)
    {
        var mailbox = state.Google.Mailbox;
        var q = context.Request.Query;
        if (!long.TryParse(q["startHistoryId"], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return GoogleErrors.BadRequest("Missing required parameter: startHistoryId", "required");
        }

        var all = mailbox.ChangesSince(start - GoogleAccount.HistoryBase);
        if (all is null)
        {
            return GoogleErrors.NotFound();
        }

        var types = q["historyTypes"].Where(t => t is not null).Select(t => t!).ToHashSet(StringComparer.Ordinal);
        var changes = types.Count == 0 ? all : [.. all.Where(c => types.Contains(HistoryType(c.Kind)))];

        var max = Max(context.Request, 100, 500);
        var offset = GoogleTokens.Decode("h", q["pageToken"]) is { } token ? token.Offset : 0;
        var page = changes.Skip((int)offset).Take(max).ToList();
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["history"] = new JsonArray([.. page.Select(c => (JsonNode)Entry(mailbox, c))]);
        }

        if (offset + page.Count < changes.Count)
        {
            body["nextPageToken"] = GoogleTokens.Encode("h", start, offset + page.Count);
        }

        body["historyId"] = HistoryId(mailbox.Sequence);
        return SandboxResults.Json(body);
    }

    private static JsonObject Entry(RecordStore mailbox, Change change)
    {
        var reference = GmailJson.Reference(mailbox.Seed, new RecordState(change.Index, 0, false, change.At, change.At));
        var withLabels = (JsonObject)reference.DeepClone();
        withLabels["labelIds"] = new JsonArray("INBOX");
        var entry = new JsonObject { ["id"] = HistoryId(change.Sequence), ["messages"] = new JsonArray(reference) };
        entry[HistoryType(change.Kind).Replace("message", "messages", StringComparison.Ordinal).Replace("label", "labels", StringComparison.Ordinal)] = change.Kind == ChangeKind.Updated
            ? new JsonArray(new JsonObject { ["message"] = withLabels, ["labelIds"] = new JsonArray("UNREAD") })
            : new JsonArray(new JsonObject { ["message"] = withLabels });
        return entry;
    }

    private static string HistoryType(ChangeKind kind) => kind switch
    {
        ChangeKind.Created => "messageAdded",
        ChangeKind.Deleted => "messageDeleted",
        _ => "labelRemoved",
    };

    private static IResult? Guard(SandboxState state, HttpContext context, string userId) =>
        GoogleAuth.Check(state.Tokens, context) ?? GoogleAuth.CheckUser(userId);

    private static string HistoryId(long sequence) => (GoogleAccount.HistoryBase + sequence).ToString(CultureInfo.InvariantCulture);

    private static int Max(HttpRequest request, int fallback, int cap) =>
        int.TryParse(request.Query["maxResults"], out var m) && m > 0 ? Math.Min(m, cap) : fallback;
}
