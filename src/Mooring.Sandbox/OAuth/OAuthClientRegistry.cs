using System.Collections.Concurrent;

namespace Mooring.Sandbox.OAuth;

/// <summary>The clients registered with each provider's authorization server.</summary>
internal sealed class OAuthClientRegistry
{
    private readonly ConcurrentDictionary<(string Provider, string ClientId), OAuthClient> _clients = new();

    public OAuthClientRegistry(SandboxOptions options)
    {
        foreach (var provider in SandboxProvider.All)
        {
            Register(new OAuthClient(provider, options.DefaultClientId, options.DefaultClientSecret, []));
        }
    }

    public void Register(OAuthClient client) => _clients[(client.Provider, client.ClientId)] = client;

    public OAuthClient? Find(string provider, string? clientId) =>
        clientId is not null && _clients.TryGetValue((provider, clientId), out var client) ? client : null;
}
