using Microsoft.Extensions.Configuration;

namespace Mooring.Providers.Loading;

/// <summary>The configuration section <c>Mooring:Providers</c>, if configuration was given.</summary>
internal sealed class ProviderConfigurationSource(IConfigurationSection? providers)
{
    public IConfigurationSection? Providers { get; } = providers;
}
