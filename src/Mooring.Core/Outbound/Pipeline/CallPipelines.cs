using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;
using Polly;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The <see cref="OutboundResilience"/> pipeline of each provider, built on the provider's first call and kept for the
/// life of the app (its circuit breaker's state lives in it), and the running of a call through it: what
/// <c>AddResilienceHandler</c> does, without the telemetry and enrichment that it always wires (see
/// <see cref="OutboundOptions.PollyTelemetry"/>).
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

    /// <summary>
    /// Sends <paramref name="request"/> through the pipeline of <paramref name="provider"/>, each attempt by
    /// <paramref name="send"/>, with a pooled <see cref="ResilienceContext"/> that carries the request to the strategies.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        string provider, HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var pipeline = For(provider);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OutboundResilience.Request, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(state.Send(state.Request, context.CancellationToken)),
                context,
                (Send: send, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
