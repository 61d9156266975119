using Microsoft.Extensions.Options;

namespace Mooring.Outbound;

/// <summary>Checks <see cref="OutboundOptions"/> at start-up, each provider's settings as they apply, naming the setting that is wrong.</summary>
internal sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var errors = new List<string>();
        Check(errors, OutboundOptions.SectionName, options.PolicyFor(string.Empty));
        foreach (var key in options.Providers.Keys)
        {
            Check(errors, $"{OutboundOptions.SectionName}:Providers:{key}", options.PolicyFor(key));
        }

        if (options.ConnectionCacheDuration < TimeSpan.Zero || options.ConnectionCacheDuration > TimeSpan.FromHours(1))
        {
            errors.Add($"{OutboundOptions.SectionName}:ConnectionCacheDuration must be between 00:00:00 and 01:00:00 (it is {options.ConnectionCacheDuration}).");
        }

        var log = options.RequestLog;
        if (log.Capacity < 1)
        {
            errors.Add($"{OutboundOptions.SectionName}:RequestLog:Capacity must be at least 1 (it is {log.Capacity}).");
        }

        if (log.BatchSize < 1 || log.BatchSize > log.Capacity)
        {
            errors.Add($"{OutboundOptions.SectionName}:RequestLog:BatchSize must be between 1 and Capacity ({log.Capacity}); it is {log.BatchSize}.");
        }

        if (log.FlushInterval < TimeSpan.Zero || log.FlushInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{OutboundOptions.SectionName}:RequestLog:FlushInterval must be between 00:00:00 and 00:01:00 (it is {log.FlushInterval}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string section, OutboundPolicy p)
    {
        // Polly's own limits: timeouts from 10 ms to 1 day, at most 100 retries, a ratio in (0, 1], throughput of 2 or more.
        Range(errors, section, "TotalTimeout", p.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Range(errors, section, "AttemptTimeout", p.AttemptTimeout, TimeSpan.FromMilliseconds(10), p.TotalTimeout);
        Range(errors, section, "RetryBaseDelay", p.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        Range(errors, section, "RetryMaxDelay", p.RetryMaxDelay, p.RetryBaseDelay, TimeSpan.FromDays(1));
        Range(errors, section, "CircuitSamplingDuration", p.CircuitSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Range(errors, section, "CircuitBreakDuration", p.CircuitBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        if (p.MaxAttempts is < 1 or > 101)
        {
            errors.Add($"{section}:MaxAttempts must be between 1 and 101 (it is {p.MaxAttempts}).");
        }

        if (p.CircuitFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{section}:CircuitFailureRatio must be greater than 0 and at most 1 (it is {p.CircuitFailureRatio}).");
        }

        if (p.CircuitMinimumThroughput < 2)
        {
            errors.Add($"{section}:CircuitMinimumThroughput must be at least 2 (it is {p.CircuitMinimumThroughput}).");
        }
    }

    private static void Range(List<string> errors, string section, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{section}:{setting} must be between {min} and {max} (it is {value}).");
        }
    }
}
