using Mooring.Providers;

namespace Mooring.Outbound.Errors;

/// <summary>
/// The refusal of a request that would carry a connection's credentials off the provider's hosts (an absolute URL to
/// another host, a redirect an SDK follows itself) or over plain http: nothing is sent.
/// </summary>
internal static class ForeignHost
{
    public static ProviderApiException Refusal(OutboundCall call, Uri? target)
    {
        var provider = call.Provider;
        var name = provider.DisplayName.Length > 0 ? provider.DisplayName : provider.Key.Value;
        var hosts = string.Join(", ", ProviderHosts.Describe(provider));
        var message = target switch
        {
            null or { IsAbsoluteUri: false } =>
                $"Mooring did not send {call.Operation}: the request has no absolute URL on {name}'s API (use a client from IProviderHttpClientFactory.CreateClientAsync, whose base address is the API's)",
            { Scheme: "http", IsLoopback: false } =>
                $"Mooring did not send {call.Operation} to http://{target.Authority}: {name}'s credentials go over https only (plain http only to a loopback host)",
            _ when hosts.Length == 0 =>
                $"Mooring did not send {call.Operation} to {target.Authority}: {name}'s definition names no host for the connection's credentials. Set Mooring:Providers:{provider.Key.Value}:apiBaseUrl, or list the host in Mooring:Providers:{provider.Key.Value}:credentialHosts",
            _ =>
                $"Mooring did not send {call.Operation} to {target.Authority}, which is not one of {name}'s hosts ({hosts}): the connection's credentials go nowhere else. If it is {name}'s, list it in Mooring:Providers:{provider.Key.Value}:credentialHosts",
        };
        return new ProviderApiException(message)
        {
            Provider = provider.Key,
            ConnectionId = call.Connection.Id,
            Operation = call.Operation,
            Category = ProviderErrorCategory.Validation,
            IsRetryable = false,
        };
    }
}
