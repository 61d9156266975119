using Mooring.Connections;

namespace Mooring.Providers;

/// <summary>Walks a definition and the ones it is based on, for per-provider hooks that the derived providers inherit.</summary>
internal static class ProviderLineage
{
    public static IEnumerable<ProviderDefinition> SelfAndBases(this IProviderCatalog catalog, ProviderDefinition provider)
    {
        var seen = new HashSet<ProviderKey>();
        for (ProviderDefinition? current = provider; current is not null && seen.Add(current.Key); current = Parent(catalog, current))
        {
            yield return current;
        }
    }

    private static ProviderDefinition? Parent(IProviderCatalog catalog, ProviderDefinition definition) =>
        definition.BasedOn is { } basedOn && ProviderKey.TryParse(basedOn, out var key, out _) && catalog.TryGet(key, out var parent) ? parent : null;
}
