namespace Mooring.Webhooks;

/// <summary>
/// Forwarding of every processed event to the host app, signed per Standard Webhooks, from a durable outbox
/// (<c>Mooring:Webhooks:Forwarding</c>). Off unless <see cref="Url"/> is set.
/// </summary>
public sealed class WebhookForwardingOptions
{
    /// <summary>The app's absolute http(s) URL that receives the events.</summary>
    /// <value>The default value is <see langword="null"/>: forwarding is off.</value>
    public string? Url { get; set; }

    /// <summary>The Standard Webhooks secrets (<c>whsec_</c> + base64) deliveries are signed with; every one signs, for rotation.</summary>
    /// <value>The default value is empty; required with <see cref="Url"/>.</value>
    public List<string> Secrets { get; set; } = [];

    /// <summary>How many attempts a delivery gets before it is dead-lettered.</summary>
    /// <value>The default value is 20 (about eight hours with the default delays).</value>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The delay before the first retry; it doubles with every attempt, with jitter, and a longer <c>Retry-After</c> wins.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts (also the cap on <c>Retry-After</c>).</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many deliveries are sent at once.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; set; } = 8;
}
