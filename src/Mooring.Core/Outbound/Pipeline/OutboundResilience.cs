using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The Polly pipeline of the outbound client, one instance per provider (selected by the provider key of the call):
/// a total timeout, retries, the provider's circuit breaker, the rate limiter (<see cref="RateLimitStrategy"/>) and,
/// innermost, the per-attempt timeout, so that pacing waits count against the call's budget but not against one
/// attempt's.
/// </summary>
internal static class OutboundResilience
{
    public const string CallPipeline = "mooring-call";

    /// <summary>
    /// The pipeline key of a request: its provider, so that each provider has its own circuit. (The resilience package
    /// probes the selector with a bare request when the chain is built, hence the empty key for one without a call.)
    /// </summary>
    public static Func<HttpRequestMessage, string> ByProvider(IServiceProvider services) =>
        request => request.Options.TryGetValue(OutboundRequestOptions.Call, out var call) ? call.Provider.Key.Value : string.Empty;

    public static void ConfigureCall(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var policy = Policy(context);
        builder.TimeProvider = time;
        builder.AddTimeout(policy.TotalTimeout);
        if (policy.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.RetryBaseDelay,
                MaxDelay = policy.RetryMaxDelay,
                ShouldHandle = args => RetryDecision.ShouldRetryAsync(args.Outcome, args.Context, time),
                DelayGenerator = args => ValueTask.FromResult(RetryDecision.ProviderDelay(args.Outcome, args.Context, time, policy.RetryMaxDelay)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = policy.CircuitFailureRatio,
            MinimumThroughput = policy.CircuitMinimumThroughput,
            SamplingDuration = policy.CircuitSamplingDuration,
            BreakDuration = policy.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => RetryRules.IsProviderFailure((int)response.StatusCode),
                _ => false,
            }),
        });

        if (context.ServiceProvider.GetService<IProviderRateLimiter>() is { } limiter)
        {
            builder.AddStrategy(_ => new RateLimitStrategy(limiter), new RateLimitStrategy.Options());
        }

        builder.AddTimeout(policy.AttemptTimeout);
    }

    private static OutboundPolicy Policy(ResilienceHandlerContext context) =>
        context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value.PolicyFor(context.InstanceName);
}
