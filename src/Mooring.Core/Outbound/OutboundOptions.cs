using System.Collections.Concurrent;

namespace Mooring.Outbound;

/// <summary>
/// How calls to providers are made (configuration <c>Mooring:Outbound</c>): the time budget, retries, the circuit
/// breaker and the request log. Every resilience setting may be overridden per provider under
/// <c>Mooring:Outbound:Providers:{key}</c>.
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mooring:Outbound";

    /// <summary>The whole budget of one call: every attempt, every wait between attempts and every rate-limit wait.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it is abandoned (and retried if that is safe).</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many attempts one call may make, the first included; 1 turns retries off.</summary>
    /// <value>The default value is 4.</value>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff delay, doubled for each further retry, with jitter, unless the provider says when to retry.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest backoff delay between two attempts. A provider that asks for a longer wait (<c>Retry-After</c>, the reset
    /// of a used-up limit) is not retried: the call fails as <c>rate_limited</c> with <c>RetryAfter</c> set.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed attempts (5xx, 408, timeouts, network errors) within <see cref="CircuitSamplingDuration"/> that opens the provider's circuit.</summary>
    /// <value>The default value is 0.5.</value>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts <see cref="CircuitSamplingDuration"/> must see before the circuit may open.</summary>
    /// <value>The default value is 50.</value>
    public int CircuitMinimumThroughput { get; set; } = 50;

    /// <summary>The window over which the failure ratio is measured.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before letting one through to probe the provider.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the pipeline keeps a connection it has read (decrypted, in memory) before reading it from the store again.
    /// A changed API key or a deleted connection is noticed within this time; a 401 on an API key is noticed at once.
    /// <see cref="TimeSpan.Zero"/> reads the store on every call.
    /// </summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan ConnectionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the <c>mooring-call</c> pipelines report Polly's own telemetry (<c>Polly</c> log events, the
    /// <c>resilience.polly.*</c> metrics). Off unless asked for: the <c>Mooring.Outbound</c> activity and meter describe
    /// every call and attempt already, and Polly's listener runs on every call whether anyone listens or not.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PollyTelemetry { get; set; }

    /// <summary>Overrides of the settings above for one provider, by provider key.</summary>
    /// <value>The default value is empty: every provider uses the settings above.</value>
    public Dictionary<string, OutboundProviderOptions> Providers { get; } = new(StringComparer.Ordinal);

    /// <summary>The request log of every attempt.</summary>
    /// <value>The default value is a log that is on, with the defaults of <see cref="RequestLogOptions"/>.</value>
    public RequestLogOptions RequestLog { get; } = new();

    private readonly ConcurrentDictionary<string, OutboundPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary><see cref="PolicyFor"/>, computed once per provider (the options are final once the pipeline uses them).</summary>
    internal OutboundPolicy CachedPolicyFor(string provider) => _policies.GetOrAdd(provider, PolicyFor);

    /// <summary>The settings for <paramref name="provider"/>: its overrides over the settings above.</summary>
    internal OutboundPolicy PolicyFor(string provider)
    {
        Providers.TryGetValue(provider, out var o);
        return new OutboundPolicy(
            o?.TotalTimeout ?? TotalTimeout,
            o?.AttemptTimeout ?? AttemptTimeout,
            o?.MaxAttempts ?? MaxAttempts,
            o?.RetryBaseDelay ?? RetryBaseDelay,
            o?.RetryMaxDelay ?? RetryMaxDelay,
            o?.CircuitFailureRatio ?? CircuitFailureRatio,
            o?.CircuitMinimumThroughput ?? CircuitMinimumThroughput,
            o?.CircuitSamplingDuration ?? CircuitSamplingDuration,
            o?.CircuitBreakDuration ?? CircuitBreakDuration);
    }
}
