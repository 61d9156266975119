using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Mooring.Providers.Loading;

/// <summary>
/// Turns a configuration section into JSON: children numbered 0..n-1 become an array, other children an object,
/// and an empty value becomes <see langword="null"/>, which clears the setting.
/// </summary>
internal static class ConfigurationJson
{
    public static JsonNode? ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return string.IsNullOrEmpty(section.Value) ? null : JsonValue.Create(section.Value);
        }

        if (IsArray(children))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(ToJson(child));
            }

            return array;
        }

        var json = new JsonObject();
        foreach (var child in children)
        {
            json[child.Key] = ToJson(child);
        }

        return json;
    }

    private static bool IsArray(List<IConfigurationSection> children)
    {
        var indexes = new HashSet<int>();
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || !indexes.Add(index))
            {
                return false;
            }
        }

        return indexes.Min() == 0 && indexes.Max() == children.Count - 1;
    }
}
