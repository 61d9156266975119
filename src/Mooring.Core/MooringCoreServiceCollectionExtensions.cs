using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Security;

namespace Mooring;

/// <summary>Registers Mooring's core services: encryption at rest and the connection vault. A store must be added too.</summary>
public static class MooringCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds encryption at rest (validated at start-up) and the connection vault. Bind <see cref="EncryptionOptions"/>
    /// from configuration or set it with <paramref name="configureEncryption"/>.
    /// </summary>
    public static IServiceCollection AddMooringCore(this IServiceCollection services, Action<EncryptionOptions>? configureEncryption = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var encryption = services.AddOptions<EncryptionOptions>();
        if (configureEncryption is not null)
        {
            encryption.Configure(configureEncryption);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        encryption.ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.TryAddSingleton<IConnectionVault, ConnectionVault>();
        services.TryAddSingleton<KeyRotator>();
        services.TryAddSingleton<KeyVerifier>();
        return services;
    }
}
