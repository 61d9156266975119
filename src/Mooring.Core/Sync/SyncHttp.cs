using System.Net;
using System.Text.Json;
using Mooring.Outbound;

namespace Mooring.Sync;

/// <summary>
/// GET a provider's JSON for the built-in definitions, with a failed answer turned into a <see cref="ProviderApiException"/>
/// of the right category. Statuses a definition handles itself (410, 404, 304) are left to it.
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

    public static async Task<JsonDocument> ReadAsync(SyncContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(context, response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<JsonDocument> GetJsonAsync(SyncContext context, string uri, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(context, uri, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
    }

    public static async Task ThrowIfFailedAsync(SyncContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var operation = Operation(response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty);
        var category = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => ProviderErrorCategory.Auth,
            HttpStatusCode.TooManyRequests => ProviderErrorCategory.RateLimited,
            HttpStatusCode.Forbidden when body.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || body.Contains("RateLimitExceeded", StringComparison.Ordinal) => ProviderErrorCategory.RateLimited,
            HttpStatusCode.Forbidden => ProviderErrorCategory.Auth,
            HttpStatusCode.NotFound => ProviderErrorCategory.NotFound,
            _ when status >= 500 => ProviderErrorCategory.ProviderUnavailable,
            _ => ProviderErrorCategory.Validation,
        };
        throw new ProviderApiException($"{context.Connection.Provider} answered {operation} with HTTP {status}.")
        {
            Category = category,
            Provider = context.Connection.Provider,
            ConnectionId = context.Connection.Id,
            Operation = operation,
            StatusCode = status,
            IsRetryable = category is ProviderErrorCategory.RateLimited or ProviderErrorCategory.ProviderUnavailable,
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    private static string Operation(string uri) => "GET " + uri.Split('?')[0];
}
