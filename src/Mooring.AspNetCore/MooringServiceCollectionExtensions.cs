using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore;
using Mooring.AspNetCore.Health;
using Mooring.AspNetCore.Hosting;
using Mooring.AspNetCore.Webhooks;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Providers;
using Mooring.Proxy;
using Mooring.Redis.RateLimiting;
using Mooring.Retention;
using Mooring.Security;
using Mooring.Storage;
using Mooring.Storage.Postgres;
using Mooring.Storage.Sqlite;
using Mooring.Sync;

namespace Mooring;

/// <summary>Adds Mooring to an ASP.NET Core application.</summary>
public static class MooringServiceCollectionExtensions
{
    /// <summary>
    /// Adds Mooring: options bound from the <c>Mooring</c> section of <paramref name="configuration"/> and validated at start-up,
    /// encryption at rest, the provider catalog, connections (<see cref="IConnectionManager"/>, <see cref="ITokenManager"/>), the store chosen by <c>Mooring:StorageProvider</c> (migrated before the app takes requests) and its
    /// health check. Map the endpoints with <c>app.MapMooring()</c>.
    /// </summary>
    public static IMooringBuilder AddMooring(this IServiceCollection services, IConfiguration configuration, Action<MooringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MooringOptions.SectionName);

        var sandbox = new SandboxSecretsProvider();
        services.TryAddSingleton(sandbox);
        var mooring = services.AddOptions<MooringOptions>().Bind(section);
        if (configure is not null)
        {
            mooring.Configure(configure);
        }

        mooring.PostConfigure(sandbox.Apply).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MooringOptions>, MooringOptionsValidator>());

        services.AddOptions<EncryptionOptions>()
            .Bind(configuration.GetSection(EncryptionOptions.SectionName))
            .PostConfigure<IOptions<MooringOptions>>((encryption, m) => sandbox.Apply(encryption, m.Value));
        services.AddMooringCore();
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        services.AddMooringOutbound(configuration);
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName));
        services.AddMooringRedisRateLimiting(configuration);

        AddStore(services, configuration, configure);
        services.AddHostedService<MooringStartupService>();
        services.AddMooringWebhooks(configuration);
        services.AddMooringSync(configuration);
        services.AddMooringRetention(configuration);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        var builder = new MooringBuilder(services, configuration);
        if (section.GetValue<bool>("Sync:BuiltIns"))
        {
            builder.AddBuiltInSyncs();
        }

        return builder;
    }

    private static void AddStore(IServiceCollection services, IConfiguration configuration, Action<MooringOptions>? configure)
    {
        // The store decides which services exist, so it is read now rather than from the options later.
        var probe = new MooringOptions();
        configuration.GetSection(MooringOptions.SectionName).Bind(probe);
        configure?.Invoke(probe);
        if (probe.StorageProvider == "postgres")
        {
            services.AddOptions<PostgresStoreOptions>().Bind(configuration.GetSection(PostgresStoreOptions.SectionName));
            services.AddMooringPostgresStore();
        }
        else
        {
            services.AddOptions<SqliteStoreOptions>()
                .Bind(configuration.GetSection(SqliteStoreOptions.SectionName))
                .PostConfigure<IOptions<MooringOptions>>((sqlite, m) => sqlite.Path ??= Path.Combine(m.Value.DataDirectory, "mooring.db"));
            services.AddMooringSqliteStore();
        }
    }
}
