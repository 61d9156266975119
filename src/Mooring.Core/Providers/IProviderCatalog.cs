using System.Diagnostics.CodeAnalysis;
using Mooring.Connections;

namespace Mooring.Providers;

/// <summary>The providers Mooring knows: the built-in definitions with configuration applied, validated at start-up.</summary>
public interface IProviderCatalog
{
    /// <summary>All providers, templates included, ordered by key.</summary>
    IReadOnlyList<ProviderDefinition> All { get; }

    /// <summary>Returns the provider with <paramref name="key"/>, as configured (before discovery).</summary>
    /// <exception cref="KeyNotFoundException">No provider has that key.</exception>
    ProviderDefinition Get(ProviderKey key);

    /// <summary>Looks up the provider with <paramref name="key"/>, as configured (before discovery).</summary>
    bool TryGet(ProviderKey key, [NotNullWhen(true)] out ProviderDefinition? definition);

    /// <summary>
    /// Returns the provider with <paramref name="key"/> with its OAuth endpoints discovered from its issuer when
    /// <see cref="OAuth2Settings.Discovery"/> is set; the result is cached, a failure is not.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No provider has that key.</exception>
    /// <exception cref="ProviderDiscoveryException">The metadata could not be fetched, or did not match the configured issuer.</exception>
    ValueTask<ProviderDefinition> GetResolvedAsync(ProviderKey key, CancellationToken cancellationToken);
}
