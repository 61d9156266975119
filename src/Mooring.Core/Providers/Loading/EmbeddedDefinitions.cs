namespace Mooring.Providers.Loading;

/// <summary>The built-in definitions: <c>Providers/Definitions/*.json</c>, embedded in this assembly.</summary>
internal static class EmbeddedDefinitions
{
    public static IEnumerable<(string Key, string Json)> ReadAll()
    {
        var assembly = typeof(EmbeddedDefinitions).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ProviderCatalogConstants.EmbeddedResourcePrefix, StringComparison.Ordinal) ||
                !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var key = name[ProviderCatalogConstants.EmbeddedResourcePrefix.Length..^".json".Length];
            yield return (key, reader.ReadToEnd());
        }
    }
}
