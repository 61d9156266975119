using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;

namespace Mooring.Providers.TokenResponses;

/// <summary>
/// Finds the mapper of a provider: one registered under its key, else under the key it is based on (and so on),
/// else the default.
/// </summary>
internal sealed class TokenResponseMappers(IServiceProvider services, IProviderCatalog catalog, JsonTokenResponseMapper fallback)
{
    public ITokenResponseMapper For(ProviderDefinition provider)
    {
        var seen = new HashSet<ProviderKey>();
        for (ProviderDefinition? current = provider; current is not null && seen.Add(current.Key); current = Parent(current))
        {
            if (services.GetKeyedService<ITokenResponseMapper>(current.Key.Value) is { } mapper)
            {
                return mapper;
            }
        }

        return fallback;
    }

    private ProviderDefinition? Parent(ProviderDefinition definition) =>
        definition.BasedOn is { } basedOn && ProviderKey.TryParse(basedOn, out var key, out _) && catalog.TryGet(key, out var parent)
            ? parent
            : null;
}
