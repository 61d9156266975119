using Cronos;
using Microsoft.Extensions.Options;

namespace Mooring.Sync;

/// <summary>Fails the boot on a setting that cannot work, naming it.</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var errors = new List<string>();
        if (options.MaxDeleteShare is < 0 or > 1)
        {
            errors.Add($"Mooring:Sync:MaxDeleteShare is {options.MaxDeleteShare}; use a share from 0 to 1 (0.2 is 20 %).");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Mooring:Sync:LeaseDuration is {options.LeaseDuration}; use at least 1 second.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Mooring:Sync:PollInterval is {options.PollInterval}; use a positive time.");
        }

        if (options.MaxConcurrentRuns < 1)
        {
            errors.Add($"Mooring:Sync:MaxConcurrentRuns is {options.MaxConcurrentRuns}; use at least 1.");
        }

        foreach (var (model, settings) in options.Models)
        {
            Check($"Mooring:Sync:Models:{model}:FullSchedule", settings.FullSchedule, errors);
            Check($"Mooring:Sync:Models:{model}:IncrementalSchedule", settings.IncrementalSchedule, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static string? CronError(string expression)
    {
        try
        {
            CronExpression.Parse(expression);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }

    private static void Check(string setting, string? expression, List<string> errors)
    {
        if (expression is not null && CronError(expression) is { } error)
        {
            errors.Add($"{setting} '{expression}' is not a cron expression: {error}");
        }
    }
}
