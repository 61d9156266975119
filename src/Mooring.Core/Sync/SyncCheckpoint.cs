using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mooring.Sync;

/// <summary>
/// Where a model's sync stands, saved as the sync state's cursor with every page: in a full pass (its mark, the next page,
/// the change feed position captured before it started) or between incremental passes (the feed position, and the next
/// page if a pass was interrupted). A crashed run resumes from exactly here; a full pass whose pages were all read
/// (<see cref="Listed"/>) but not swept goes straight to the sweep.
/// </summary>
internal sealed record SyncCheckpoint(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("run")] long Run,
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("feed")] string? Feed,
    [property: JsonPropertyName("listed")] bool Listed = false)
{
    public const string FullMode = "full";
    public const string IncrementalMode = "incremental";

    public bool InFullPass => Mode == FullMode;

    public static SyncCheckpoint Full(long run, string? page, string? feed) => new(FullMode, run, page, feed);

    public static SyncCheckpoint Incremental(string? feed, string? page) => new(IncrementalMode, 0, page, feed);

    /// <summary>The saved checkpoint, or <see langword="null"/> when there is none (or one this version cannot read: a full sync starts over).</summary>
    public static SyncCheckpoint? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SyncCheckpoint>(text) is { Mode: FullMode or IncrementalMode } checkpoint ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}
