using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Sync.Providers;

namespace Mooring.Sync;

/// <summary>Registers the sync engine and sync definitions.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sync engine: <see cref="ISyncManager"/>, <see cref="IRecordReader"/> and the scheduler, with
    /// <see cref="SyncOptions"/> bound from <c>Mooring:Sync</c> and validated at start-up. Add models with
    /// <see cref="AddSyncDefinition{TDefinition}"/>. Needs connections, the outbound pipeline and a store.
    /// </summary>
    public static IServiceCollection AddMooringSync(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SyncOptions>().ValidateOnStart();
        var section = configuration?.GetSection(SyncConstants.SectionName);
        if (section is not null)
        {
            options.Bind(section);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton<SyncModels>();
        services.TryAddSingleton<SyncPasses>();
        services.TryAddSingleton<SyncRunner>();
        services.TryAddSingleton<SyncDue>();
        services.TryAddSingleton<SyncSignal>();
        services.TryAddSingleton<ISyncManager, SyncManager>();
        services.TryAddSingleton<IRecordReader, RecordReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionEventHandler, SyncDataEraser>());
        if (!services.Any(d => d.ServiceType == typeof(SyncScheduler)))
        {
            services.AddSingleton<SyncScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<SyncScheduler>());
        }

        return services;
    }

    /// <summary>Registers <typeparamref name="TDefinition"/> (once): its model syncs for every connection of its provider.</summary>
    public static IServiceCollection AddSyncDefinition<TDefinition>(this IServiceCollection services)
        where TDefinition : SyncDefinition
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<SyncDefinition, TDefinition>());
        return services;
    }

    /// <summary>
    /// Registers the built-in definitions: Stripe customers, subscriptions and invoices; Google Calendar events; Gmail
    /// messages; GitHub issues; Slack channels.
    /// </summary>
    public static IServiceCollection AddBuiltInSyncs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSyncDefinition<StripeCustomersSync>();
        services.AddSyncDefinition<StripeSubscriptionsSync>();
        services.AddSyncDefinition<StripeInvoicesSync>();
        services.AddSyncDefinition<CalendarEventsSync>();
        services.AddSyncDefinition<GmailMessagesSync>();
        services.AddSyncDefinition<GitHubIssuesSync>();
        services.AddSyncDefinition<SlackChannelsSync>();
        services.AddSyncDefinition<SlackMessagesSync>();
        return services;
    }
}
