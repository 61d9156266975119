using Microsoft.Extensions.Options;

namespace Mooring.Security;

/// <summary>Fails start-up with messages naming the bad encryption setting and the fix.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var errors = KeyRing.Validate(options, out _);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
