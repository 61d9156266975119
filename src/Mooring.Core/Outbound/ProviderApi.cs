using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Mooring.Connections;
using Mooring.Outbound.Errors;
using Mooring.Outbound.Paging;
using Mooring.Outbound.Pipeline;
using Mooring.Providers;
using Mooring.Providers.TokenResponses;

namespace Mooring.Outbound;

/// <summary>
/// <see cref="IProviderApi"/> over clients from <see cref="IProviderHttpClientFactory"/>: builds the request, reads
/// the JSON answer, and reads the error through the provider's error shape (the provider of the call, as the
/// pipeline resolved it, is on the request afterwards).
/// </summary>
internal sealed class ProviderApi(IProviderHttpClientFactory clients, ConnectionCache connections, IProviderCatalog catalog, TimeProvider time) : IProviderApi
{
    public async Task<JsonDocument> SendAsync(ConnectionId connectionId, ProviderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = await clients.CreateClientAsync(connectionId, request.Priority, cancellationToken).ConfigureAwait(false);
        using var message = Build(request, request.Query, request.Content, absolute: null);
        var (body, response) = await SendCoreAsync(client, message, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        return body;
    }

    public async IAsyncEnumerable<JsonElement> ListAsync(ConnectionId connectionId, ProviderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (connection, _) = await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var cursor = new PageCursor(catalog.Get(connection.Provider).Pagination);
        using var client = await clients.CreateClientAsync(connectionId, request.Priority, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<KeyValuePair<string, string>> query = [.. request.Query, .. cursor.FirstParameters(request.Query)];
        Uri? nextUrl = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var message = Build(request, query, content: null, nextUrl);

            var (body, response) = await SendCoreAsync(client, message, cancellationToken).ConfigureAwait(false);
            using (body)
            using (response)
            {
                var call = OutboundRequestOptions.CallOf(message);
                var items = Items(body.RootElement, request.Items ?? call.Provider.Pagination.Items, call);
                var count = 0;
                JsonElement? last = null;
                foreach (var item in items.EnumerateArray())
                {
                    count++;
                    last = item;
                    yield return item.Clone();
                }

                if (!cursor.Advance(body.RootElement, count, last, response))
                {
                    yield break;
                }

                nextUrl = cursor.NextUrl is { } url ? SameOrigin(url, client.BaseAddress!, call) : null;
                query = cursor.NextParameter is { } next ? [.. query.Where(p => p.Key != next.Key), next] : query;
            }
        }
    }

    private static HttpRequestMessage Build(ProviderRequest request, IReadOnlyList<KeyValuePair<string, string>> query, HttpContent? content, Uri? absolute)
    {
        var message = new HttpRequestMessage(request.Method, absolute ?? RelativeUri(request, query)) { Content = content };

        // The body is read inside each attempt, under its timeout, retry and circuit breaker, not after the pipeline returned.
        message.Options.Set(OutboundRequestOptions.BufferBody, true);
        if (request.Operation is { } operation)
        {
            message.Options.Set(OutboundRequestOptions.Operation, operation);
        }

        return message;
    }

    private static Uri RelativeUri(ProviderRequest request, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var path = new StringBuilder(request.Path.TrimStart('/'));
        var separator = request.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query)
        {
            path.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(path.ToString(), UriKind.Relative);
    }

    /// <summary>Sends, reads the body as JSON and throws the provider's error; on success the caller owns both results.</summary>
    private async Task<(JsonDocument Body, HttpResponseMessage Response)> SendCoreAsync(HttpClient client, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        // Buffered by the pipeline's attempt already (BufferBody): ResponseContentRead would read it again outside.
        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        JsonDocument? body = null;
        try
        {
            body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            var call = OutboundRequestOptions.CallOf(message);
            var failure = new ProviderFailure(call.Provider, call.Connection.Id, call.Operation, call.Attempts, time);
            if (ProviderErrorReader.Read(failure, response, body?.RootElement) is { } error)
            {
                throw error;
            }

            return (body ?? JsonDocument.Parse("{}"), response);
        }
        catch
        {
            body?.Dispose();
            response.Dispose();
            throw;
        }
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy in front of the provider: the status speaks for it
        }
    }

    private static JsonElement Items(JsonElement root, string? pointer, OutboundCall call)
    {
        var items = pointer is null ? root : JsonPointer.Find(root, pointer);
        return items is { ValueKind: JsonValueKind.Array } array
            ? array
            : throw new InvalidOperationException($"{call.Provider.Key} {call.Operation}: the answer has no array of items at '{pointer ?? "/"}'.");
    }

    /// <summary>A next-page URL must stay on the provider's API host: a Link header cannot send the credentials elsewhere.</summary>
    private static Uri SameOrigin(Uri next, Uri baseAddress, OutboundCall call) =>
        ProviderHosts.SameOrigin(next, baseAddress)
            ? next
            : throw new InvalidOperationException($"{call.Provider.Key} {call.Operation}: the next page is on another host ({next.Host}); not followed.");
}
