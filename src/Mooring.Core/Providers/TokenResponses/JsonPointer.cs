using System.Globalization;
using System.Text.Json;

namespace Mooring.Providers.TokenResponses;

/// <summary>Evaluates RFC 6901 JSON pointers, as used throughout provider definitions.</summary>
internal static class JsonPointer
{
    public static JsonElement? Find(JsonElement root, string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        var current = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array &&
                     int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                     index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A string, or a number or boolean written as text; <see langword="null"/> when missing or empty.</summary>
    public static string? String(JsonElement root, string? pointer) =>
        Find(root, pointer) switch
        {
            { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } text => text,
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
            _ => null,
        };

    public static bool? Boolean(JsonElement root, string? pointer) =>
        Find(root, pointer) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        };
}
