using Mooring.Connections;

namespace Mooring.Providers.Loading;

/// <summary>
/// The loaded catalog as an options value, so that the options machinery loads it once, validates it with
/// <c>ValidateOnStart</c>, and throws the collected errors on first use if start-up validation was skipped.
/// </summary>
internal sealed class LoadedProviderCatalog
{
    public IReadOnlyDictionary<ProviderKey, ProviderDefinition> Definitions { get; set; } = new Dictionary<ProviderKey, ProviderDefinition>();

    public IReadOnlyList<string> Errors { get; set; } = [];
}
