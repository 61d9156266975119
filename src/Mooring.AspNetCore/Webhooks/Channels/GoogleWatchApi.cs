using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Mooring.Outbound;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>Calendar's <c>events.watch</c> and <c>channels.stop</c>, relative to the provider's API base URL (<c>…/calendar/v3/</c>).</summary>
internal static class GoogleWatchApi
{
    public static ProviderRequest Watch(string calendarId, string channelId, string token, Uri address, TimeSpan ttl) =>
        new(HttpMethod.Post, $"calendars/{Uri.EscapeDataString(calendarId)}/events/watch")
        {
            Operation = "POST /calendars/{calendarId}/events/watch",
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["id"] = channelId,
                ["type"] = "web_hook",
                ["address"] = address.AbsoluteUri,
                ["token"] = token,
                ["params"] = new Dictionary<string, string> { ["ttl"] = ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
            }),
        };

    public static ProviderRequest Stop(string channelId, string resourceId) =>
        new(HttpMethod.Post, "channels/stop")
        {
            Operation = "POST /channels/stop",
            Content = JsonContent.Create(new Dictionary<string, string> { ["id"] = channelId, ["resourceId"] = resourceId }),
        };

    /// <summary>
    /// The watch answer's <c>resourceId</c> and <c>expiration</c> (Unix milliseconds, written as a string as Google writes
    /// an int64, or as a number as its guide shows it); <paramref name="asked"/> when it names none.
    /// </summary>
    public static (string ResourceId, DateTimeOffset Expiration) Read(JsonDocument answer, DateTimeOffset asked)
    {
        var root = answer.RootElement;
        if (!root.TryGetProperty("resourceId", out var resource) || resource.GetString() is not { Length: > 0 } resourceId)
        {
            throw new JsonException("The events.watch answer has no resourceId.");
        }

        long? ms = root.TryGetProperty("expiration", out var e)
            ? e.ValueKind switch
            {
                JsonValueKind.Number => e.GetInt64(),
                JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;
        return (resourceId, ms is { } granted ? DateTimeOffset.FromUnixTimeMilliseconds(granted) : asked);
    }
}
