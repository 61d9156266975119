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
    /// A pooled <see cref="ResilienceContext"/> for one call of <paramref name="request"/>, which it carries to the
    /// strategies; the caller gives it back with <see cref="Return"/> once the call is over.
    /// </summary>
    public static ResilienceContext Rent(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OutboundResilience.Request, request);
        return context;
    }

    public static void Return(ResilienceContext context) => ResilienceContextPool.Shared.Return(context);

    /// <summary>
    /// Sends <paramref name="request"/> through the pipeline of <paramref name="provider"/> with a
    /// <paramref name="context"/> from <see cref="Rent"/>, each attempt by <paramref name="send"/>. Not an async method:
    /// the caller's own await is the only one between it and the pipeline.
    /// </summary>
    public ValueTask<HttpResponseMessage> SendAsync(
        string provider, ResilienceContext context, HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) =>
        For(provider).ExecuteAsync(
            static (context, state) => new ValueTask<HttpResponseMessage>(state.Send(state.Request, context.CancellationToken)),
            context,
            (Send: send, Request: request));
}
