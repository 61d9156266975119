using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.OAuth;

/// <summary>Checks at start-up that each configured client names a known OAuth provider and has a client id.</summary>
internal sealed class OAuthOptionsValidator(IProviderCatalog catalog) : IValidateOptions<OAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, client) in options.Clients)
        {
            var setting = $"{OAuthOptions.SectionName}:Clients:{key}";
            if (!ProviderKey.TryParse(key, out var provider, out var error))
            {
                failures.Add($"{setting}: {error}");
            }
            else if (!catalog.TryGet(provider, out var definition))
            {
                failures.Add($"{setting}: there is no provider '{key}'; known providers: {string.Join(", ", catalog.All.Select(p => p.Key.Value))}.");
            }
            else if (definition.OAuth2 is null && definition.ClientCredentials is null)
            {
                failures.Add($"{setting}: the provider '{key}' does not use OAuth; remove the setting.");
            }

            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add($"{setting}:ClientId is empty; set it to the client id the provider issued.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
