using Microsoft.Extensions.Options;
using Mooring.Providers;

namespace Mooring.OAuth;

/// <summary>Finds the configured client of a provider, or of the provider it is based on.</summary>
internal sealed class OAuthClients(IOptionsMonitor<OAuthOptions> options, IProviderCatalog catalog)
{
    public OAuthClientSettings Get(ProviderDefinition provider)
    {
        foreach (var definition in catalog.SelfAndBases(provider))
        {
            if (options.CurrentValue.Clients.TryGetValue(definition.Key.Value, out var client) && !string.IsNullOrWhiteSpace(client.ClientId))
            {
                return client;
            }
        }

        throw new InvalidOperationException(
            $"No OAuth client is configured for '{provider.Key}': set {OAuthOptions.SectionName}:Clients:{provider.Key}:ClientId (and ClientSecret) to the values the provider issued.");
    }
}
