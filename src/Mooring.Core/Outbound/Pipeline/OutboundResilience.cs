using Microsoft.Extensions.Logging;
using Mooring.Outbound.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The Polly pipeline of the outbound client, one instance per provider: a total timeout, retries, the provider's
/// circuit breaker, the rate limiter (<see cref="RateLimitStrategy"/>) and, innermost, the per-attempt timeout, so that
/// pacing waits count against the call's budget but not against one attempt's.
/// </summary>
internal static class OutboundResilience
{
    public const string CallPipeline = "mooring-call";

    /// <summary>The request of the call a pipeline execution runs, set by <see cref="CallPipelines.Rent"/>.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("Mooring.Request");

    /// <summary>The request of the call in progress; every execution of the outbound pipeline has one.</summary>
    public static HttpRequestMessage RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(Request, out var request)
            ? request
            : throw new InvalidOperationException("The outbound pipeline runs with the request message in its context.");

    /// <summary>
    /// The pipeline of <paramref name="provider"/> with <paramref name="policy"/>; with Polly's own telemetry only when
    /// <paramref name="loggers"/> is given (it costs every execution a pair of events, listened to or not).
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(
        string provider, OutboundPolicy policy, TimeProvider time, IProviderRateLimiter? limiter, ILoggerFactory? loggers)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = CallPipeline, InstanceName = provider, TimeProvider = time };
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
                DelayGenerator = args => RetryDecision.ProviderDelayAsync(args.Outcome, args.Context, time, policy.RetryMaxDelay),
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

        if (limiter is not null)
        {
            builder.AddStrategy(_ => new RateLimitStrategy(limiter), new RateLimitStrategy.Options());
        }

        builder.AddTimeout(policy.AttemptTimeout);
        if (loggers is not null)
        {
            builder.ConfigureTelemetry(new TelemetryOptions
            {
                LoggerFactory = loggers,
                ResultFormatter = (_, result) => result is HttpResponseMessage response ? (int)response.StatusCode : result,
            });
        }

        return builder.Build();
    }
}
