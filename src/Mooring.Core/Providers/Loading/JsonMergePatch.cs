using System.Text.Json.Nodes;

namespace Mooring.Providers.Loading;

/// <summary>
/// Merges a definition layer onto the one below, in the manner of RFC 7396 JSON Merge Patch but with property names
/// matched ignoring case (as configuration keys are) and with <see langword="null"/> clearing a setting to null rather
/// than removing it (removing would bring back the model's default): objects merge, anything else replaces.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            var existingName = FindName(result, name) ?? name;
            result.TryGetPropertyValue(existingName, out var current);
            result.Remove(existingName);
            result[existingName] = value is null ? null : Apply(current, value);
        }

        return result;
    }

    public static string? FindName(JsonObject json, string name)
    {
        foreach (var (existing, _) in json)
        {
            if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
            {
                return existing;
            }
        }

        return null;
    }
}
