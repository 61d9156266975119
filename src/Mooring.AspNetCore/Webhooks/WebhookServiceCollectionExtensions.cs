using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Retention;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Registers incoming webhooks; called by <c>AddMooring</c>.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddMooringWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMooringProviderCatalog(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddMetrics();
        // Redirects are not followed: a 301/302 would turn the signed POST into a GET elsewhere. A 3xx is a failed attempt,
        // retried and logged like any other, until the forwarding URL is corrected.
        // Forwarding:Timeout bounds each attempt (and has no upper limit): HttpClient's own 100 s default would cut a longer
        // one short with a cancellation the attempt log does not record.
        services.AddHttpClient(WebhookDefaults.ForwardingHttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<WebhookSignal>();
        services.TryAddSingleton<WebhookHandoff>();
        services.TryAddSingleton<WebhookWriteGate>();
        services.TryAddSingleton<ReceivingProviders>();
        services.TryAddSingleton<WebhookConnections>();
        services.TryAddSingleton<WebhookChannels>();
        services.TryAddSingleton<IWebhookChannelRegistry, WebhookChannelRegistry>();
        services.TryAddSingleton<PushChannelWatcher>();
        services.TryAddSingleton<IPushChannelWatcher>(sp => sp.GetRequiredService<PushChannelWatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionEventHandler, PushChannelCloser>());
        services.AddHostedService<PushChannelRenewer>();
        services.TryAddSingleton<WebhookInbox>();
        services.TryAddSingleton<WebhookReceiver>();
        services.TryAddSingleton<WebhookHandlerRegistry>();
        services.TryAddSingleton<ConnectionRouter>();
        services.TryAddSingleton<WebhookForwarder>();
        services.TryAddSingleton<WebhookProcessor>();
        services.TryAddSingleton<DeliverySender>();
        services.AddHostedService<WebhookWorker>();
        services.AddHostedService<DeliveryWorker>();
        // Processed events go by age through the write gate, like every webhook write: on SQLite a delete that met the
        // inbox in the database would put acknowledgements to sleep in SQLite's busy loop.
        services.AddSingleton(sp => new RetentionTask("webhook_events", o => o.WebhookEvents, (cutoff, max, ct) =>
            sp.GetRequiredService<WebhookWriteGate>().RunAsync(c => sp.GetRequiredService<IWebhookEventStore>().PurgeCompletedAsync(cutoff, max, c), ct)));
        return services;
    }
}
