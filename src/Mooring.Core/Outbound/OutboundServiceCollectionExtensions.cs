using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mooring.Outbound;

/// <summary>Registers the outbound pipeline: <see cref="IProviderHttpClientFactory"/> and its handlers.</summary>
public static class OutboundServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IProviderHttpClientFactory"/>. Needs the core services, the provider catalog, connections and a store.</summary>
    public static IServiceCollection AddMooringOutbound(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<CredentialHandler>();
        services.AddHttpClient(OutboundConstants.HttpClientName)
            .AddHttpMessageHandler<CredentialHandler>();
        services.TryAddSingleton<IProviderHttpClientFactory, ProviderHttpClientFactory>();
        return services;
    }
}
