using Mooring.Connections;

namespace Mooring.Outbound;

/// <summary>
/// The one way to call a provider on behalf of a connection. The clients and handlers it hands out send every request
/// through Mooring's outbound pipeline: the connection's credentials are injected (and refreshed once on a 401), calls
/// are paced by the provider's rate limits, transient failures are retried where that is safe, and every attempt is
/// recorded in the request log.
/// </summary>
/// <remarks>
/// Relative request URIs resolve against the provider's API base URL. Responses come back as the provider sent them
/// (official SDKs read their own error bodies); the typed provider clients turn a failed one into a
/// <see cref="ProviderApiException"/>.
/// </remarks>
public interface IProviderHttpClientFactory
{
    /// <summary>A client for <paramref name="connectionId"/> whose base address is the provider's API base URL.</summary>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    ValueTask<HttpClient> CreateClientAsync(ConnectionId connectionId, CallPriority priority, CancellationToken cancellationToken);

    /// <summary>
    /// The handler behind <see cref="CreateClientAsync"/>, for SDKs that take a handler instead of a client (Octokit's
    /// <c>HttpClientAdapter</c>). Requests must carry absolute URIs on the provider's hosts (its API base URL's, or one of
    /// its <see cref="Providers.ProviderDefinition.CredentialHosts"/>); a request elsewhere, a redirect the SDK follows
    /// included, fails unsent with a <see cref="ProviderApiException"/> of category <see cref="ProviderErrorCategory.Validation"/>.
    /// </summary>
    HttpMessageHandler CreateHandler(ConnectionId connectionId, CallPriority priority);
}
