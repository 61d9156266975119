using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers.Discovery;
using Mooring.Providers.Loading;

namespace Mooring.Providers;

/// <summary>The catalog loaded at start-up, with discovered definitions cached per provider.</summary>
internal sealed class ProviderCatalog : IProviderCatalog
{
    private readonly IReadOnlyDictionary<ProviderKey, ProviderDefinition> _definitions;
    private readonly AuthorizationServerDiscovery _discovery;
    private readonly ConcurrentDictionary<ProviderKey, Lazy<Task<ProviderDefinition>>> _resolved = new();

    public ProviderCatalog(IOptions<LoadedProviderCatalog> loaded, AuthorizationServerDiscovery discovery)
    {
        // Reading Value runs the validator: an invalid catalog throws here with every error if start-up did not.
        _definitions = loaded.Value.Definitions;
        _discovery = discovery;
        All = [.. _definitions.Values];
    }

    public IReadOnlyList<ProviderDefinition> All { get; }

    public ProviderDefinition Get(ProviderKey key) =>
        TryGet(key, out var definition) ? definition : throw new KeyNotFoundException($"No provider '{key}' is in the catalog.");

    public bool TryGet(ProviderKey key, [NotNullWhen(true)] out ProviderDefinition? definition) =>
        _definitions.TryGetValue(key, out definition);

    public async ValueTask<ProviderDefinition> GetResolvedAsync(ProviderKey key, CancellationToken cancellationToken)
    {
        var definition = Get(key);
        if (definition.OAuth2 is not { Discovery: true })
        {
            return definition;
        }

        var lazy = _resolved.GetOrAdd(key, _ => new Lazy<Task<ProviderDefinition>>(() => _discovery.ApplyAsync(definition, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // A failed discovery is not cached: the next call tries again.
            _resolved.TryRemove(new KeyValuePair<ProviderKey, Lazy<Task<ProviderDefinition>>>(key, lazy));
            throw;
        }
    }
}
