using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.Storage;

namespace Mooring.Retention;

/// <summary>Registers the retention passes.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the background service that deletes old request log entries and sync runs, expired OAuth states and push
    /// channels, and whatever else other parts register (processed webhook events), with <see cref="RetentionOptions"/>
    /// bound from <c>Mooring:Retention</c> and validated at start-up. A table whose store is not registered is skipped.
    /// </summary>
    public static IServiceCollection AddMooringRetention(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RetentionOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(RetentionOptions.SectionName));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RetentionMetrics>();
        if (services.Any(d => d.ServiceType == typeof(RetentionService)))
        {
            return services;
        }

        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton(sp => new RetentionTask("request_log", o => o.RequestLog, (cutoff, max, ct) =>
            sp.GetService<IRequestLogStore>()?.PurgeOlderThanAsync(cutoff, max, ct) ?? Task.FromResult(0)));
        services.AddSingleton(sp => new RetentionTask("sync_runs", o => o.SyncRuns, (cutoff, max, ct) =>
            sp.GetService<ISyncStore>()?.PurgeRunsAsync(cutoff, max, ct) ?? Task.FromResult(0)));
        services.AddSingleton(sp => new RetentionTask("oauth_states", _ => RetentionConstants.ExpiredGrace, (cutoff, _, ct) =>
            sp.GetService<IOAuthStateStore>()?.PurgeExpiredAsync(cutoff, ct) ?? Task.FromResult(0)));
        services.AddSingleton(sp => new RetentionTask("webhook_channels", _ => RetentionConstants.ExpiredGrace, (cutoff, _, ct) =>
            sp.GetService<IWebhookChannelStore>()?.PurgeExpiredAsync(cutoff, ct) ?? Task.FromResult(0)));
        return services;
    }
}
