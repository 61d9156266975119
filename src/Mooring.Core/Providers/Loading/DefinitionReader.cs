using System.Text.Json;
using System.Text.Json.Nodes;
using Mooring.Connections;

namespace Mooring.Providers.Loading;

/// <summary>Deserialises one merged definition, reporting a malformed value with the provider and the field.</summary>
internal static class DefinitionReader
{
    public static ProviderDefinition? Read(ProviderKey key, JsonObject json, DefinitionErrors errors)
    {
        try
        {
            var definition = json.Deserialize<ProviderDefinition>(DefinitionJson.SerializerOptions);
            return definition is null ? null : definition with { Key = key };
        }
        catch (JsonException ex)
        {
            errors.Add(FieldOf(ex), Describe(ex));
            return null;
        }
    }

    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "(definition)";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json's messages name the .NET type and repeat the path; keep the part a person can act on.
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known setting (see docs/providers.md)";
        }

        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        return "has an invalid value: " + (pathAt > 0 ? message[..pathAt] : message);
    }
}
