using System.Text.Json.Nodes;

namespace Mooring.Providers.Loading;

/// <summary>
/// Applies <c>basedOn</c>: a definition is merged onto the (resolved) definition it names. <c>template</c> is not inherited.
/// </summary>
internal sealed class DefinitionInheritance(IReadOnlyDictionary<string, JsonObject> raw, CatalogErrors errors)
{
    private readonly Dictionary<string, JsonObject?> _resolved = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> ResolveAll()
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var key in raw.Keys)
        {
            if (Resolve(key, []) is { } json)
            {
                result[key] = json;
            }
        }

        return result;
    }

    private JsonObject? Resolve(string key, List<string> chain)
    {
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var own = raw[key];
        var basedOn = StringProperty(own, "basedOn");
        JsonObject? result = own;
        if (basedOn is not null)
        {
            result = null;
            chain.Add(key);
            if (chain.Contains(basedOn, StringComparer.Ordinal))
            {
                errors.Add(key, "basedOn", $"forms a cycle ({string.Join(" -> ", chain)} -> {basedOn})");
            }
            else if (!raw.ContainsKey(basedOn))
            {
                errors.Add(key, "basedOn", $"names the unknown provider '{basedOn}'");
            }
            else if (Resolve(basedOn, chain) is { } parent)
            {
                result = Merge(parent, own);
            }

            chain.RemoveAt(chain.Count - 1);
        }

        _resolved[key] = result;
        return result;
    }

    private static JsonObject Merge(JsonObject parent, JsonObject own)
    {
        var merged = (JsonObject)JsonMergePatch.Apply(parent, own)!;
        if (JsonMergePatch.FindName(own, "template") is null && JsonMergePatch.FindName(merged, "template") is { } inherited)
        {
            merged.Remove(inherited);
        }

        return merged;
    }

    public static string? StringProperty(JsonObject json, string name) =>
        JsonMergePatch.FindName(json, name) is { } found && json[found] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;
}
