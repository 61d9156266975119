using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mooring.Outbound.Pipeline;
using Mooring.Outbound.RateLimiting;
using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Telemetry;
using Mooring.Providers.GitHub;
using Mooring.Providers.Google;
using Mooring.Providers.Slack;
using Mooring.Providers.Stripe;

namespace Mooring.Outbound;

/// <summary>Registers the outbound pipeline: <see cref="IProviderHttpClientFactory"/>, <see cref="IProviderApi"/>, the typed provider clients and the request log writer.</summary>
public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbound pipeline with <see cref="OutboundOptions"/> bound from <c>Mooring:Outbound</c> of
    /// <paramref name="configuration"/> (when given) and validated at start-up. Needs the core services, the provider
    /// catalog, connections and a store. The provider rate limiter (<see cref="RateLimitingServiceCollectionExtensions.AddMooringRateLimiting"/>) paces every attempt.
    /// </summary>
    /// <remarks>
    /// The handlers of the named client <see cref="OutboundConstants.HttpClientName"/>, outermost first: the call
    /// (connection, provider, idempotency key, buffered body, activity, metrics, errors without an answer), which runs
    /// the rest through one Polly pipeline per provider: total timeout, retry, the provider's circuit breaker, the rate
    /// limiter and the attempt timeout; credentials (one refresh on a 401); the request log of each attempt.
    /// </remarks>
    public static IServiceCollection AddMooringOutbound(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OutboundOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(OutboundOptions.SectionName));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>());
        services.AddMooringRateLimiting(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundTelemetry>();
        services.TryAddSingleton<ConnectionCache>();
        services.TryAddSingleton<RequestLogQueue>();
        services.TryAddSingleton<RequestLogWriter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RequestLogWriter>(sp => sp.GetRequiredService<RequestLogWriter>()));
        services.TryAddSingleton<CallPipelines>();
        services.TryAddTransient<CallHandler>();
        services.TryAddTransient<CredentialHandler>();
        services.TryAddTransient<AttemptHandler>();

        // The attempt handler logs every request already; the factory's own per-request logging handlers would add a
        // log scope and two log calls to each.
        // Redirects are not followed: a 3xx would carry the connection's credentials in custom headers (API keys; .NET drops
        // only Authorization) to whatever host its Location names, past the proxy's host check. It comes back as it is.
        // No cookie container either: the pooled handler is shared by every connection's calls.
        // No HttpClient.Timeout (100 s by default) over the call's own budget and attempt timeouts, which are classified.
        var client = services.AddHttpClient(OutboundConstants.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        client.AddHttpMessageHandler<CallHandler>();
        client.AddHttpMessageHandler<CredentialHandler>();
        client.AddHttpMessageHandler<AttemptHandler>();

        services.TryAddSingleton<IProviderHttpClientFactory, ProviderHttpClientFactory>();
        services.TryAddSingleton<IProviderApi, ProviderApi>();
        services.TryAddSingleton<SlackClient>();
        services.TryAddSingleton<StripeBillingClient>();
        services.TryAddSingleton<GmailClient>();
        services.TryAddSingleton<GoogleCalendarClient>();
        services.TryAddSingleton<GitHubIssuesClient>();
        return services;
    }
}
