using Microsoft.Extensions.Options;

namespace Mooring.Providers.Loading;

/// <summary>Fails start-up with every error the loader collected.</summary>
internal sealed class LoadedProviderCatalogValidator : IValidateOptions<LoadedProviderCatalog>
{
    public ValidateOptionsResult Validate(string? name, LoadedProviderCatalog options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
