using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Mooring.Connections;
using Mooring.Providers.Validation;

namespace Mooring.Providers.Loading;

/// <summary>
/// Builds the catalog: built-in definitions, then directory files, then configuration, each merged onto what came
/// before; then <c>basedOn</c>; then deserialisation and validation. Every error is collected, none stops the others.
/// </summary>
internal sealed class ProviderCatalogLoader(ProviderCatalogOptions options, IConfigurationSection? providers)
{
    private readonly CatalogErrors _errors = new();
    private readonly Dictionary<string, JsonObject> _raw = new(StringComparer.Ordinal);

    public (IReadOnlyDictionary<ProviderKey, ProviderDefinition> Definitions, IReadOnlyList<string> Errors) Load()
    {
        foreach (var (key, json) in EmbeddedDefinitions.ReadAll())
        {
            LayerDocument(key, json, "built-in definition");
        }

        foreach (var directory in options.DefinitionDirectories)
        {
            LayerDirectory(directory);
        }

        foreach (var section in providers?.GetChildren() ?? [])
        {
            var key = section.Key.ToLowerInvariant();
            if (ConfigurationJson.ToJson(section) is JsonObject patch)
            {
                Layer(key, patch);
            }
            else
            {
                _errors.Add(key, "(definition)", "must be a section of settings, not a single value");
            }
        }

        var definitions = new SortedDictionary<ProviderKey, ProviderDefinition>(Comparer<ProviderKey>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        foreach (var (key, json) in new DefinitionInheritance(_raw, _errors).ResolveAll())
        {
            if (!ProviderKey.TryParse(key, out var providerKey, out var keyError))
            {
                _errors.Add(key, "key", $"is not valid: {keyError}");
                continue;
            }

            var errors = _errors.For(key);
            if (DefinitionReader.Read(providerKey, json, errors) is { } definition)
            {
                ProviderDefinitionValidator.Validate(definition, errors);
                definitions[providerKey] = definition;
            }
        }

        return (definitions, _errors.Messages);
    }

    private void LayerDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            _errors.AddGeneral($"Provider catalog: {ProviderCatalogOptions.SectionName}:DefinitionDirectories names '{directory}', which does not exist");
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            LayerDocument(Path.GetFileNameWithoutExtension(file).ToLowerInvariant(), File.ReadAllText(file), file);
        }
    }

    private void LayerDocument(string fallbackKey, string text, string source)
    {
        JsonNode? json;
        try
        {
            json = DefinitionJson.Parse(text);
        }
        catch (JsonException ex)
        {
            _errors.Add(fallbackKey, "(definition)", $"in {source} is not valid JSON: {ex.Message}");
            return;
        }

        if (json is not JsonObject patch)
        {
            _errors.Add(fallbackKey, "(definition)", $"in {source} must be a JSON object");
            return;
        }

        var declared = DefinitionInheritance.StringProperty(patch, "key");
        Layer(declared ?? fallbackKey, patch);
    }

    private void Layer(string key, JsonObject patch)
    {
        if (JsonMergePatch.FindName(patch, "key") is { } keyProperty)
        {
            var declared = DefinitionInheritance.StringProperty(patch, keyProperty);
            if (declared is not null && !string.Equals(declared, key, StringComparison.OrdinalIgnoreCase))
            {
                _errors.Add(key, "key", $"is '{declared}', but the definition is configured as '{key}'");
            }

            patch = (JsonObject)patch.DeepClone();
            patch.Remove(keyProperty);
        }

        _raw[key] = (JsonObject)JsonMergePatch.Apply(_raw.GetValueOrDefault(key), patch)!;
    }
}
