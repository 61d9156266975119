namespace Mooring.Outbound;

/// <summary>The resilience settings of one provider, its overrides applied.</summary>
internal sealed record OutboundPolicy(
    TimeSpan TotalTimeout,
    TimeSpan AttemptTimeout,
    int MaxAttempts,
    TimeSpan RetryBaseDelay,
    TimeSpan RetryMaxDelay,
    double CircuitFailureRatio,
    int CircuitMinimumThroughput,
    TimeSpan CircuitSamplingDuration,
    TimeSpan CircuitBreakDuration);
