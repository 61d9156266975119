namespace Mooring.Providers;

internal static class ProviderCatalogConstants
{
    public const string DiscoveryHttpClientName = "Mooring.Providers.Discovery";

    public const string EmbeddedResourcePrefix = "Mooring.Providers.Definitions.";

    public const string HeaderLocationPrefix = "header:";
}
