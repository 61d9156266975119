using Polly;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Runs each call through its provider's <see cref="OutboundResilience"/> pipeline, with a pooled
/// <see cref="ResilienceContext"/> that carries the request to the strategies: what <c>AddResilienceHandler</c> does,
/// without the telemetry and enrichment it always wires (see <see cref="OutboundOptions.PollyTelemetry"/>).
/// </summary>
internal sealed class CallPipelineHandler(CallPipelines pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.For(OutboundRequestOptions.CallOf(request).Provider.Key.Value);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OutboundResilience.Request, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, context.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
