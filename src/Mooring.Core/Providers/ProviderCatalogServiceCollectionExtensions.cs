using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.Providers.Discovery;
using Mooring.Providers.Loading;
using Mooring.Providers.Slack;
using Mooring.Providers.TokenResponses;

namespace Mooring.Providers;

/// <summary>Registers the provider catalog.</summary>
public static class ProviderCatalogServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IProviderCatalog"/>: the built-in providers, overridden or extended by
    /// <c>Mooring:Providers:{key}</c> in <paramref name="configuration"/> and by the JSON files of
    /// <see cref="ProviderCatalogOptions.DefinitionDirectories"/>. A bad definition fails start-up, naming the provider and field.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration root, or <see langword="null"/> for the built-in providers only.</param>
    /// <param name="configure">Changes the catalog options after they are bound from <c>Mooring:ProviderCatalog</c>.</param>
    public static IServiceCollection AddMooringProviderCatalog(
        this IServiceCollection services,
        IConfiguration? configuration = null,
        Action<ProviderCatalogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<ProviderCatalogOptions>()
            .Validate(o => o.DiscoveryTimeout > TimeSpan.Zero, $"{ProviderCatalogOptions.SectionName}:DiscoveryTimeout must be greater than 0")
            .ValidateOnStart();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(ProviderCatalogOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(new ProviderConfigurationSource(configuration?.GetSection(ProviderCatalogOptions.ProvidersSectionName)));
        services.AddOptions<LoadedProviderCatalog>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoadedProviderCatalog>, LoadedProviderCatalogSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoadedProviderCatalog>, LoadedProviderCatalogValidator>());

        services.AddHttpClient(ProviderCatalogConstants.DiscoveryHttpClientName);
        services.TryAddSingleton<AuthorizationServerDiscovery>();
        services.TryAddSingleton<IProviderCatalog, ProviderCatalog>();

        // Code for providers' quirks, keyed by provider key.
        services.TryAddSingleton<JsonTokenResponseMapper>();
        services.TryAddSingleton<TokenResponseMappers>();
        services.TryAddKeyedSingleton<ITokenResponseMapper, SlackTokenResponseMapper>(SlackTokenResponseMapper.ProviderKey);
        return services;
    }
}
