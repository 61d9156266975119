using Mooring.Connections;

namespace Mooring.Outbound;

/// <summary>The per-request values the outbound handlers read, set by the client or handler the factory made.</summary>
internal static class OutboundRequestOptions
{
    /// <summary>The connection whose credentials the request is sent with, and who is waiting for the call.</summary>
    public static readonly HttpRequestOptionsKey<ClientScope> Scope = new("Mooring.Scope");

    /// <summary>The name of the operation for errors, logs and traces (<c>chat.postMessage</c>, <c>GET /v1/customers/{id}</c>).</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Mooring.Operation");

    /// <summary>
    /// Whether each attempt reads the answer's whole body before it ends (set by <see cref="ProviderApi"/>): a body that
    /// stalls or is cut off then fails that attempt, under its timeout, and is retried and classified like any failure.
    /// Unset, the body streams to the caller as it comes (an SDK's <see cref="HttpCompletionOption.ResponseHeadersRead"/>).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> BufferBody = new("Mooring.BufferBody");

    /// <summary>What the pipeline knows about the call in progress, set by its outermost handler.</summary>
    public static readonly HttpRequestOptionsKey<OutboundCall> Call = new("Mooring.Call");

    /// <summary>The connection of a request, which every request through the pipeline has.</summary>
    public static ConnectionId ConnectionOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Scope, out var scope)
            ? scope.ConnectionId
            : throw new InvalidOperationException("The request was not sent through a client from IProviderHttpClientFactory.");

    /// <summary>The priority of a request; interactive unless the client said otherwise.</summary>
    public static CallPriority PriorityOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Scope, out var scope) ? scope.Priority : CallPriority.Interactive;

    /// <summary>Whether each attempt reads the answer's whole body (<see cref="BufferBody"/>).</summary>
    public static bool BuffersBody(HttpRequestMessage request) => request.Options.TryGetValue(BufferBody, out var buffer) && buffer;

    /// <summary>The call in progress, which every request past the outermost handler has.</summary>
    public static OutboundCall CallOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Call, out var call)
            ? call
            : throw new InvalidOperationException("The request did not pass through the outbound call handler.");

    /// <summary>The connection and priority of a client's requests.</summary>
    internal sealed record ClientScope(ConnectionId ConnectionId, CallPriority Priority);
}
