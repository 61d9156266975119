using Microsoft.Extensions.Options;

namespace Mooring.Retention;

/// <summary>Fails the boot on a retention setting that cannot work, naming it.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        if (options.Interval < TimeSpan.Zero || options.Interval > RetentionConstants.MaxInterval)
        {
            errors.Add($"Mooring:Retention:Interval is {options.Interval}; use a positive time up to 1.00:00:00 (a day), or 0 to turn retention off.");
        }

        Positive(errors, "RequestLog", options.RequestLog);
        Positive(errors, "SyncRuns", options.SyncRuns);
        if (options.WebhookEvents < RetentionConstants.MinWebhookEvents)
        {
            errors.Add(
                $"Mooring:Retention:WebhookEvents is {options.WebhookEvents}; use at least 1.00:00:00 (1 day), or empty to keep events for good: "
                + "a provider's repeat of a deleted event is taken as new, and providers retry for days.");
        }

        if (options.BatchSize is < 1 or > RetentionConstants.MaxBatchSize)
        {
            errors.Add($"Mooring:Retention:BatchSize is {options.BatchSize}; use 1 to {RetentionConstants.MaxBatchSize}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string setting, TimeSpan? period)
    {
        if (period <= TimeSpan.Zero)
        {
            errors.Add($"Mooring:Retention:{setting} is {period}; use a positive time, or empty to keep these records for good.");
        }
    }
}
