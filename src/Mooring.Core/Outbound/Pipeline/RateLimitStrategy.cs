using Mooring.Outbound.RateLimiting;
using Polly;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Paces each attempt through the <see cref="IProviderRateLimiter"/>, as a strategy of the call's Polly pipeline
/// between the circuit breaker and the attempt timeout: waits for a slot before sending (inside the call's budget,
/// outside the attempt's timeout), lets the limiter learn from the response, and releases the slot once the response
/// has come. A strategy rather than a handler between two pipelines, so that a call runs one pipeline, not two.
/// </summary>
internal sealed class RateLimitStrategy(IProviderRateLimiter limiter) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var request = OutboundResilience.RequestOf(context);
        var call = OutboundRequestOptions.CallOf(request);
        IDisposable lease;
        try
        {
            lease = await limiter.AcquireAsync(call.Provider, call.Connection.Id, request, OutboundRequestOptions.PriorityOf(request), context.CancellationToken)
                .ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception ex)
        {
            // The budget's timeout (not the caller) ended the wait: the call fails as rate limited, not as a provider that did
            // not answer. (A slot known to lie beyond the budget fails with RateLimitWaitTooLongException, which says so itself.)
            call.PacedPastBudget = ex is OperationCanceledException && !call.CallerCancellation.IsCancellationRequested;
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        using (lease)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is { } response)
            {
                await ObserveAsync(request, call, response, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }

            return outcome;
        }
    }

    /// <summary>Lets the limiter learn from the answer: its headers and status, and a rate limit that only its body tells.</summary>
    private async ValueTask ObserveAsync(HttpRequestMessage request, OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (limiter is ProviderRateLimiter local)
        {
            var body = await BodySignals.LimitAsync(call, response, cancellationToken).ConfigureAwait(false);
            local.Observe(call.Provider, call.Connection.Id, request, response, body);
        }
        else
        {
            limiter.Observe(call.Provider, call.Connection.Id, request, response);
        }
    }

    /// <summary>The options of the strategy, which has none but its name.</summary>
    internal sealed class Options : ResilienceStrategyOptions
    {
        public Options() => Name = "RateLimit";
    }
}
