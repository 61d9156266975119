using System.Text.Json;
using Mooring.Outbound;
using Mooring.Outbound.Errors;

namespace Mooring.Sync;

/// <summary>
/// GET a provider's JSON for the built-in definitions, with a failed answer turned into the <see cref="ProviderApiException"/>
/// the typed clients throw (<see cref="ProviderErrorReader"/>: category, the provider's code and message, retry advice).
/// Statuses a definition handles itself (410, 404, 304) are left to it.
/// </summary>
internal static class SyncHttp
{
    public static async Task<HttpResponseMessage> GetAsync(SyncContext context, string uri, CancellationToken cancellationToken, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        try
        {
            return await context.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderApiException($"{context.Connection.Provider} could not be reached for {Operation(uri)}: {ex.Message}", ex)
            {
                Category = ProviderErrorCategory.Network,
                Provider = context.Connection.Provider,
                ConnectionId = context.Connection.Id,
                Operation = Operation(uri),
                IsRetryable = true,
            };
        }
    }

    /// <summary>
    /// The answer's JSON; a failure, by status or in the body (Slack's <c>ok:false</c> with HTTP 200), throws the
    /// provider's error as the typed clients do.
    /// </summary>
    public static async Task<JsonDocument> ReadAsync(SyncContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(context, response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument json;
        await using (stream.ConfigureAwait(false))
        {
            json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (ErrorOf(context, response, json.RootElement) is { } error)
        {
            json.Dispose();
            throw error;
        }

        return json;
    }

    public static async Task<JsonDocument> GetJsonAsync(SyncContext context, string uri, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(context, uri, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws the provider's error for an answer whose status is a failure, read from its error shape as the typed clients read it.</summary>
    public static async Task ThrowIfFailedAsync(SyncContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        using var body = await TryParseAsync(response, cancellationToken).ConfigureAwait(false);
        throw ErrorOf(context, response, body?.RootElement)
            ?? throw new InvalidOperationException($"HTTP {(int)response.StatusCode} was not read as a failure.");
    }

    /// <summary>The error the answer carries, by the provider's <see cref="Mooring.Providers.ErrorShape"/>; <see langword="null"/> for a success.</summary>
    private static ProviderApiException? ErrorOf(SyncContext context, HttpResponseMessage response, JsonElement? body)
    {
        var call = OutboundRequestOptions.CallOf(response.RequestMessage ?? throw new InvalidOperationException("The answer has no request."));
        return ProviderErrorReader.Read(new ProviderFailure(call.Provider, context.Connection.Id, call.Operation, call.Attempts, context.Time), response, body);
    }

    private static async Task<JsonDocument?> TryParseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy in front of the provider: the status speaks for it
        }
    }

    private static string Operation(string uri) => "GET " + uri.Split('?')[0];
}
