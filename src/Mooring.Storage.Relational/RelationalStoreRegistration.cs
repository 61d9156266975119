using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mooring.Storage.Relational;

/// <summary>Registers the shared relational stores over a dialect.</summary>
internal static class RelationalStoreRegistration
{
    public static IServiceCollection AddRelationalStores(this IServiceCollection services, Func<IServiceProvider, StoreDialect> dialect)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(dialect);
        services.AddSingleton<IStoreMigrator, RelationalMigrator>();
        services.AddSingleton<IConnectionStore, RelationalConnectionStore>();
        services.AddSingleton<IOAuthStateStore, RelationalOAuthStateStore>();
        services.AddSingleton<IWebhookEventStore, RelationalWebhookEventStore>();
        services.AddSingleton<IWebhookDeliveryStore, RelationalWebhookDeliveryStore>();
        services.AddSingleton<IWebhookChannelStore, RelationalWebhookChannelStore>();
        services.AddSingleton<IRequestLogStore, RelationalRequestLogStore>();
        services.AddSingleton<ISyncStore, RelationalSyncStore>();
        services.AddSingleton<ISyncRecordStore, RelationalSyncRecordStore>();
        services.AddSingleton<ISecretStore, RelationalSecretStore>();
        services.AddSingleton(sp => sp.GetRequiredService<StoreDialect>().CreateConnectionLock());
        return services;
    }
}
