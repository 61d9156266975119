using Microsoft.Extensions.Options;

namespace Mooring.Providers.Loading;

/// <summary>Loads the catalog into <see cref="LoadedProviderCatalog"/>.</summary>
internal sealed class LoadedProviderCatalogSetup(IOptions<ProviderCatalogOptions> options, ProviderConfigurationSource source)
    : IConfigureOptions<LoadedProviderCatalog>
{
    public void Configure(LoadedProviderCatalog catalog)
    {
        var (definitions, errors) = new ProviderCatalogLoader(options.Value, source.Providers).Load();
        catalog.Definitions = definitions;
        catalog.Errors = errors;
    }
}
