using Microsoft.Extensions.Options;

namespace Mooring.AspNetCore.Hosting;

/// <summary>Fails start-up with messages that name the bad setting and the fix.</summary>
internal sealed class MooringOptionsValidator : IValidateOptions<MooringOptions>
{
    public const int MinimumApiKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, MooringOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"Mooring:Mode is '{options.Mode}'; use 'Production' or 'Sandbox'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Mooring:DataDirectory is empty; set it to a writable folder.");
        }

        if (options.StorageProvider is not ("sqlite" or "postgres"))
        {
            errors.Add($"Mooring:StorageProvider is '{options.StorageProvider}'; use 'sqlite' (the default) or 'postgres'.");
        }

        if (options.Mode == MooringMode.Production && options.ManagementApiKeys.Count == 0)
        {
            errors.Add($"Mooring:ManagementApiKeys is empty; set Mooring:ManagementApiKeys:0 to a random string of at least {MinimumApiKeyLength} characters (run 'mooring keys generate'), or run in sandbox mode.");
        }

        for (var i = 0; i < options.ManagementApiKeys.Count; i++)
        {
            if ((options.ManagementApiKeys[i]?.Length ?? 0) < MinimumApiKeyLength)
            {
                errors.Add($"Mooring:ManagementApiKeys:{i} is shorter than {MinimumApiKeyLength} characters; use a random value (run 'mooring keys generate').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
