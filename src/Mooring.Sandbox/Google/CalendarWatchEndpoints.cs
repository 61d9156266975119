using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Google.Channels;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>
/// Calendar push channels: <c>events.watch</c> opens a channel on a calendar's events and answers the Channel resource
/// (<c>expiration</c> in Unix milliseconds, as a string, the way Google writes an int64); <c>channels.stop</c> closes it.
/// Unlike Google, an <c>http</c> address is accepted, so that a receiver on loopback can be watched.
/// </summary>
internal static class CalendarWatchEndpoints
{
    /// <summary>Google's default time-to-live of a channel: a week.</summary>
    private const long DefaultTtlSeconds = 604_800;

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapPost("/calendar/v3/calendars/{calendarId}/events/watch", async (HttpContext context, string calendarId) =>
            GoogleAuth.Check(state.Tokens, context) ?? Watch(state, calendarId, await ReadAsync(context.Request).ConfigureAwait(false))).Named("calendar.events.watch");

        group.MapPost("/calendar/v3/channels/stop", async (HttpContext context) =>
        {
            if (GoogleAuth.Check(state.Tokens, context) is { } denied)
            {
                return denied;
            }

            if (await ReadAsync(context.Request).ConfigureAwait(false) is not { } body)
            {
                return GoogleErrors.Error(400, "Parse Error", "parseError", "INVALID_ARGUMENT");
            }

            var id = Text(body, "id");
            return state.Google.Channels.Stop(id ?? string.Empty, Text(body, "resourceId") ?? string.Empty)
                ? Results.NoContent()
                : GoogleErrors.Error(404, $"Channel '{id}' not found for project 'sandbox'", "notFound", "NOT_FOUND");
        }).Named("calendar.channels.stop");
    }

    private static IResult Watch(SandboxState state, string calendarId, JsonObject? body)
    {
        if (body is null)
        {
            return GoogleErrors.Error(400, "Parse Error", "parseError", "INVALID_ARGUMENT");
        }

        var id = Text(body, "id");
        var type = Text(body, "type");
        var address = Text(body, "address");
        if (string.IsNullOrEmpty(id))
        {
            return GoogleErrors.BadRequest("entity.resource.id", "required");
        }

        if (type is not ("web_hook" or "webhook"))
        {
            return GoogleErrors.BadRequest($"Invalid value for channel type: '{type}'. Use web_hook.");
        }

        if (string.IsNullOrEmpty(address))
        {
            return GoogleErrors.BadRequest("entity.resource.address", "required");
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var target) || target.Scheme is not ("https" or "http"))
        {
            return GoogleErrors.BadRequest($"WebHook callback must be HTTPS: {address}", "push.webhookUrlNotHttps");
        }

        if (!TryExpiration(state, body, out var expiration))
        {
            return GoogleErrors.BadRequest("Invalid ttl or expiration value.");
        }

        var calendar = GoogleAccount.CalendarKey(calendarId);
        state.Google.Calendar(calendar);
        var channel = new CalendarChannel(id, Text(body, "token"), target, calendar, state.Google.Channels.ResourceId(calendar), expiration);
        if (!state.Google.Channels.TryOpen(channel))
        {
            return GoogleErrors.BadRequest($"Channel id {id} not unique", "channelIdNotUnique");
        }

        var answer = new JsonObject
        {
            ["kind"] = "api#channel",
            ["id"] = channel.Id,
            ["resourceId"] = channel.ResourceId,
            ["resourceUri"] = channel.ResourceUri,
        };
        if (channel.Token is { } token)
        {
            answer["token"] = token;
        }

        answer["expiration"] = channel.Expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return SandboxResults.Json(answer);
    }

    /// <summary>Now plus <c>params.ttl</c> seconds (a week without it), or the requested <c>expiration</c> when that is sooner.</summary>
    private static bool TryExpiration(SandboxState state, JsonObject body, out DateTimeOffset expiration)
    {
        var now = state.Options.TimeProvider.GetUtcNow();
        expiration = default;
        var ttl = DefaultTtlSeconds;
        if (body["params"] is JsonObject parameters && Text(parameters, "ttl") is { } given
            && (!long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out ttl) || ttl <= 0 || ttl > 10 * DefaultTtlSeconds))
        {
            return false;
        }

        expiration = now.AddSeconds(ttl);
        if (Text(body, "expiration") is { } requested)
        {
            if (!long.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 253_402_300_799_999)
            {
                return false;
            }

            var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            expiration = at > now && at < expiration ? at : expiration;
        }

        return true;
    }

    /// <summary>A string field, or a number written as one (Google accepts an int64 either way).</summary>
    private static string? Text(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
