namespace Mooring.Outbound;

/// <summary>
/// The outbound settings of one provider (<c>Mooring:Outbound:Providers:{key}</c>); a setting left unset takes the
/// value of <see cref="OutboundOptions"/>.
/// </summary>
public sealed class OutboundProviderOptions
{
    /// <summary>Overrides <see cref="OutboundOptions.TotalTimeout"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.TotalTimeout"/> applies.</value>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.AttemptTimeout"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.AttemptTimeout"/> applies.</value>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.MaxAttempts"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.MaxAttempts"/> applies.</value>
    public int? MaxAttempts { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.RetryBaseDelay"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.RetryBaseDelay"/> applies.</value>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.RetryMaxDelay"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.RetryMaxDelay"/> applies.</value>
    public TimeSpan? RetryMaxDelay { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.CircuitFailureRatio"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.CircuitFailureRatio"/> applies.</value>
    public double? CircuitFailureRatio { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.CircuitMinimumThroughput"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.CircuitMinimumThroughput"/> applies.</value>
    public int? CircuitMinimumThroughput { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.CircuitSamplingDuration"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.CircuitSamplingDuration"/> applies.</value>
    public TimeSpan? CircuitSamplingDuration { get; set; }

    /// <summary>Overrides <see cref="OutboundOptions.CircuitBreakDuration"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="OutboundOptions.CircuitBreakDuration"/> applies.</value>
    public TimeSpan? CircuitBreakDuration { get; set; }
}
