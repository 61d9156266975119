using Mooring.Connections;

namespace Mooring.Outbound;

/// <summary>The per-request values the outbound handlers read, set by the client or handler the factory made.</summary>
internal static class OutboundRequestOptions
{
    /// <summary>The connection whose credentials the request is sent with.</summary>
    public static readonly HttpRequestOptionsKey<ConnectionId> Connection = new("Mooring.Connection");

    /// <summary>Who is waiting for the call.</summary>
    public static readonly HttpRequestOptionsKey<CallPriority> Priority = new("Mooring.Priority");

    /// <summary>The connection of a request, which every request through the pipeline has.</summary>
    public static ConnectionId ConnectionOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Connection, out var id)
            ? id
            : throw new InvalidOperationException("The request was not sent through a client from IProviderHttpClientFactory.");

    /// <summary>The priority of a request; interactive unless the client said otherwise.</summary>
    public static CallPriority PriorityOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Priority, out var priority) ? priority : CallPriority.Interactive;
}
