using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.OAuth;
using Mooring.OAuth.Revocation;
using Mooring.Providers;

namespace Mooring.Connections;

/// <summary>Registers connections: the token manager, the connect flow, disconnect with revocation and <see cref="IConnectionManager"/>.</summary>
public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITokenManager"/> and <see cref="IConnectionManager"/> with <see cref="ConnectionsOptions"/> bound from
    /// <c>Mooring:Connections</c> and <see cref="OAuthOptions"/> from <c>Mooring:OAuth</c>, both validated at start-up.
    /// Needs the core services, the provider catalog and a store.
    /// </summary>
    public static IServiceCollection AddMooringConnections(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connections = services.AddOptions<ConnectionsOptions>().ValidateOnStart();
        var oauth = services.AddOptions<OAuthOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            connections.Bind(configuration.GetSection(ConnectionsOptions.SectionName));
            oauth.Bind(configuration.GetSection(OAuthOptions.SectionName));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectionsOptions>, ConnectionsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OAuthOptions>, OAuthOptionsValidator>());
        services.AddHttpClient(OAuthConstants.HttpClientName);

        services.TryAddSingleton<OAuthClients>();
        services.TryAddSingleton<TokenResponseReader>();
        services.TryAddSingleton<TokenEndpointClient>();
        services.TryAddSingleton<TokenRequestPipeline>();
        services.TryAddSingleton<ConnectionEvents>();
        services.TryAddSingleton<ConnectionStatusWriter>();
        services.TryAddSingleton<TokenRefresher>();
        services.TryAddSingleton<ITokenManager, TokenManager>();

        services.TryAddSingleton<ConnectFlow>();
        services.TryAddSingleton<ConnectionSaver>();
        services.TryAddSingleton<CallbackHandler>();
        services.TryAddSingleton<ConnectLinks>();

        services.TryAddSingleton<Rfc7009Revoker>();
        services.TryAddSingleton<TokenRevokers>();
        services.TryAddKeyedSingleton<ITokenRevoker, SlackRevoker>(SlackRevoker.ProviderKey);
        services.TryAddKeyedSingleton<ITokenRevoker, GitHubRevoker>(GitHubRevoker.ProviderKey);
        services.TryAddSingleton<Disconnector>();
        services.TryAddSingleton<IConnectionManager, ConnectionManager>();
        services.TryAddSingleton<BackgroundTokenRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTokenRefresher>());
        return services;
    }
}
