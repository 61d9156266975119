using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Providers.Loading;

namespace Mooring.Core.Tests.Providers;

/// <summary>Builds catalogs from in-memory configuration, the way an application's appsettings would.</summary>
internal static class CatalogFactory
{
    /// <summary>Configuration from key/value pairs; a later pair overrides an earlier one with the same key.</summary>
    public static IConfiguration Configuration(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public static (IReadOnlyDictionary<ProviderKey, ProviderDefinition> Definitions, IReadOnlyList<string> Errors) Load(
        params (string Key, string? Value)[] settings) =>
        Load(new ProviderCatalogOptions(), settings);

    public static (IReadOnlyDictionary<ProviderKey, ProviderDefinition> Definitions, IReadOnlyList<string> Errors) Load(
        ProviderCatalogOptions options, params (string Key, string? Value)[] settings) =>
        new ProviderCatalogLoader(options, Configuration(settings).GetSection(ProviderCatalogOptions.ProvidersSectionName)).Load();

    public static ProviderDefinition LoadValid(string key, params (string Key, string? Value)[] settings)
    {
        var (definitions, errors) = Load(settings);
        errors.ShouldBeEmpty();
        return definitions[ProviderKey.Parse(key)];
    }

    public static ServiceProvider Services(IConfiguration configuration, HttpMessageHandler? discoveryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddMooringProviderCatalog(configuration);
        if (discoveryHandler is not null)
        {
            services.AddHttpClient(ProviderCatalogConstants.DiscoveryHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => discoveryHandler);
        }

        return services.BuildServiceProvider(validateScopes: true);
    }
}
