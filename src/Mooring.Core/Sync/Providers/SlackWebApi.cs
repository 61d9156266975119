using System.Text.Json;

namespace Mooring.Sync.Providers;

/// <summary>What the Slack sync models share about Slack's Web API answers: cursor pages.</summary>
internal static class SlackWebApi
{
    /// <summary>The next page's cursor (<c>response_metadata.next_cursor</c>), or <see langword="null"/> on the last page.</summary>
    public static string? NextCursor(JsonElement root) =>
        root.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next) && next.GetString() is { Length: > 0 } cursor ? cursor : null;
}
