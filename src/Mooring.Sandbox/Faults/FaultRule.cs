namespace Mooring.Sandbox.Faults;

/// <summary>
/// One fault to inject. A rule matches requests by provider and endpoint, and fires on a matching request
/// with <see cref="Probability"/>, decided from the sandbox seed and the rule's own request counter, so the
/// same seed and the same requests give the same faults in the same order.
/// </summary>
public sealed class FaultRule
{
    /// <summary>Gets or sets the provider the rule applies to, or <see langword="null"/> for all.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Provider { get; set; }

    /// <summary>
    /// Gets or sets the endpoint: the provider's method name (<c>chat.postMessage</c>, <c>customers.create</c>,
    /// <c>issues.list</c>) or a path prefix after the provider's prefix (<c>/v1/customers</c>), or <see langword="null"/> for all.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Endpoint { get; set; }

    /// <summary>Gets or sets what the fault does.</summary>
    /// <value>The default value is <see cref="FaultKind.Status"/>.</value>
    public FaultKind Kind { get; set; } = FaultKind.Status;

    /// <summary>Gets or sets the chance, from 0 to 1, that a matching request is hit.</summary>
    /// <value>The default value is 1 (every matching request).</value>
    public double Probability { get; set; } = 1;

    /// <summary>Gets or sets the status of a <see cref="FaultKind.Status"/> fault.</summary>
    /// <value>The default value is 500.</value>
    public int StatusCode { get; set; } = 500;

    /// <summary>Gets or sets the delay of a <see cref="FaultKind.Latency"/> fault.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the Retry-After of a <see cref="FaultKind.RateLimit"/> fault, or <see langword="null"/> to answer
    /// without one (GitHub's secondary limit may; Stripe and Google never send one).
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan? RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times the rule fires before it retires, or <see langword="null"/> for no bound.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxHits { get; set; }

    /// <summary>Gets or sets how many matching requests pass untouched before the rule starts firing.</summary>
    /// <value>The default value is 0.</value>
    public int SkipFirst { get; set; }
}
