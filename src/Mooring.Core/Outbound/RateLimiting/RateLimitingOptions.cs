namespace Mooring.Outbound.RateLimiting;

/// <summary>How calls to providers are paced (configuration section <c>Mooring:RateLimiting</c>).</summary>
/// <remarks>The model, the defaults and the Redis keys are described in <c>docs/rate-limiting.md</c>.</remarks>
public sealed class RateLimitingOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Mooring:RateLimiting";

    /// <summary>
    /// Gets or sets whether calls are paced at all. Off, every call goes at once and only the provider's own answers
    /// (429, Retry-After) slow the retries down: for tests on a clock that does not move, or a provider paced elsewhere.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets a StackExchange.Redis configuration string (<c>host:port,password=…</c>). When set (and the Redis
    /// registration of Mooring.Redis is used), limits are counted in Redis and shared by every instance.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: limits are counted in this process only.</value>
    public string? Redis { get; set; }

    /// <summary>Gets or sets the prefix of every Redis key the limiter writes.</summary>
    /// <value>The default value is <c>mooring:rl:</c>.</value>
    public string RedisKeyPrefix { get; set; } = RateLimitingConstants.DefaultRedisKeyPrefix;

    /// <summary>Gets or sets how long limits are counted locally after Redis failed, before Redis is tried again.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan RedisRetryInterval { get; set; } = RateLimitingConstants.DefaultRedisRetryInterval;

    /// <summary>
    /// Gets or sets the share by which every period is stretched, so that the time between pacing a call and the provider
    /// counting it (network latency) cannot put one call too many into a provider's window.
    /// </summary>
    /// <value>The default value is 0.01 (a 1 s window is paced as 1.01 s).</value>
    public double SafetyMargin { get; set; } = RateLimitingConstants.DefaultSafetyMargin;

    /// <summary>
    /// Gets or sets the share of a limit that may be sent at once before pacing starts (at least one call). The sustained
    /// rate is lowered by the same amount, so that no window of the provider ever sees more than the limit.
    /// </summary>
    /// <value>The default value is 0.01 (GitHub's 5,000/h: a burst of 50; Stripe's 100/s: 1, raised to <see cref="MinimumBurst"/>).</value>
    public double BurstFraction { get; set; } = RateLimitingConstants.DefaultBurstFraction;

    /// <summary>
    /// Gets or sets the smallest burst (capped at the limit). A burst of two lets a caller that a timer woke a little late
    /// use the slot it was due, instead of losing it: with a burst of one, each late wake-up costs throughput.
    /// </summary>
    /// <value>The default value is 2.</value>
    public int MinimumBurst { get; set; } = RateLimitingConstants.DefaultMinimumBurst;

    /// <summary>
    /// Gets or sets the share of a window's quota below which the remaining calls reported by the provider's headers
    /// are spread evenly over the time left until the reset.
    /// </summary>
    /// <value>The default value is 0.2.</value>
    public double SlowDownBelow { get; set; } = RateLimitingConstants.DefaultSlowDownBelow;

    /// <summary>
    /// Gets or sets how long a limit pauses after a rate-limited answer that says nothing of when to retry (a tenth of
    /// the shortest period the call is paced by, when that is shorter).
    /// </summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan DefaultPause { get; set; } = RateLimitingConstants.DefaultPause;

    /// <summary>Gets or sets the longest pause taken from a provider's headers (a guard against nonsense resets).</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan MaxPause { get; set; } = RateLimitingConstants.DefaultMaxPause;

    /// <summary>
    /// Gets or sets how far ahead a caller at the head of the queue may reserve its slot and then sleep until it, so that
    /// the callers behind it reserve theirs meanwhile. Longer keeps high rates exact on a busy machine; shorter keeps
    /// more of the queue open to interactive callers that arrive later.
    /// </summary>
    /// <value>The default value is 50 milliseconds.</value>
    public TimeSpan ReservationHorizon { get; set; } = RateLimitingConstants.DefaultReservationHorizon;

    /// <summary>
    /// Gets or sets how long a background call yields to interactive ones; after waiting that long it queues as if it
    /// were interactive, so that background work is never starved.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BackgroundPromotionDelay { get; set; } = RateLimitingConstants.DefaultBackgroundPromotionDelay;
}
