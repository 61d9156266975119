using System.Text.Json;
using Mooring.Connections;

namespace Mooring.Outbound;

/// <summary>
/// JSON calls to a provider for a connection, through the outbound pipeline (credentials, pacing, retries, circuit
/// breaking, request log), with the provider's error answers, Slack's <c>ok:false</c> included, thrown as
/// <see cref="ProviderApiException"/>. The typed provider clients are written on it.
/// </summary>
public interface IProviderApi
{
    /// <summary>Sends <paramref name="request"/> and returns the body of the successful answer (an empty object when it has none).</summary>
    /// <exception cref="ProviderApiException">The provider refused or failed the call, or could not be reached.</exception>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    Task<JsonDocument> SendAsync(ConnectionId connectionId, ProviderRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The items of every page of a list endpoint, following the provider's pagination style, one page in memory at a
    /// time; the next page is requested only when the items of this one have been consumed.
    /// </summary>
    /// <exception cref="ProviderApiException">The provider refused or failed a page, or could not be reached.</exception>
    IAsyncEnumerable<JsonElement> ListAsync(ConnectionId connectionId, ProviderRequest request, CancellationToken cancellationToken);
}
