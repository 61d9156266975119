using Microsoft.Extensions.DependencyInjection;
using Mooring.Providers;

namespace Mooring.OAuth.Revocation;

/// <summary>The revoker of a provider: one keyed under its key or a key it is based on, else RFC 7009.</summary>
internal sealed class TokenRevokers(IServiceProvider services, IProviderCatalog catalog, Rfc7009Revoker standard)
{
    public ITokenRevoker For(ProviderDefinition provider) =>
        catalog.SelfAndBases(provider).Select(p => services.GetKeyedService<ITokenRevoker>(p.Key.Value)).FirstOrDefault(r => r is not null) ?? standard;
}
