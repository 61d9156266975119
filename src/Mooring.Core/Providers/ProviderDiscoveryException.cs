using Mooring.Connections;

namespace Mooring.Providers;

/// <summary>The authorization server metadata of a provider could not be discovered or was not acceptable.</summary>
public sealed class ProviderDiscoveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProviderDiscoveryException(ProviderKey provider, string message, Exception? innerException = null)
        : base($"Provider '{provider}': {message}", innerException)
    {
        Provider = provider;
    }

    /// <summary>The provider whose metadata failed.</summary>
    public ProviderKey Provider { get; }
}
