using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;
using Polly;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The <see cref="OutboundResilience"/> pipeline of each provider, built on the provider's first call and kept for the
/// life of the app: its circuit breaker's state lives in it.
/// </summary>
internal sealed class CallPipelines
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);
    private readonly Func<string, ResiliencePipeline<HttpResponseMessage>> _build;

    public CallPipelines(IOptions<OutboundOptions> options, TimeProvider time, IServiceProvider services)
    {
        var limiter = services.GetService<IProviderRateLimiter>();
        var loggers = options.Value.PollyTelemetry ? services.GetService<ILoggerFactory>() : null;
        _build = provider => OutboundResilience.Build(provider, options.Value.CachedPolicyFor(provider), time, limiter, loggers);
    }

    public ResiliencePipeline<HttpResponseMessage> For(string provider) => _pipelines.GetOrAdd(provider, _build);
}
