using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Puts the connection's credentials on each request: a fresh OAuth access token from <see cref="ITokenManager"/>,
/// or the API key or basic credentials where the provider definition says. A 401 on an OAuth token that had not
/// expired, or an answer whose body carries one of the provider's <c>expiredTokenCodes</c> (Slack's HTTP 200
/// <c>token_expired</c>), refreshes it once (single-flight across callers) and sends the request again with the new
/// one, paced by the rate limiter like any request sent. The second answer is the caller's, whatever it says.
/// </summary>
internal sealed class CredentialHandler(ITokenManager tokens, ConnectionCache connections, IServiceProvider services) : DelegatingHandler
{
    private readonly IProviderRateLimiter? _limiter = services.GetService<IProviderRateLimiter>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = OutboundRequestOptions.CallOf(request);
        var (connection, credentials, provider) = (call.Connection, call.Credentials, call.Provider);
        var connectionId = connection.Id;
        ApplyDefaultHeaders(request, provider);

        if (connection.AuthMode is not (AuthMode.OAuth2 or AuthMode.OAuth2ClientCredentials))
        {
            ApplyStaticCredentials(request, connection, credentials, provider);
            var answer = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.Unauthorized)
            {
                connections.Evict(connectionId); // the key may have been replaced: the next call reads it again
            }

            return answer;
        }

        var token = await tokens.GetAccessTokenAsync(connectionId, cancellationToken).ConfigureAwait(false);
        SetBearer(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            && !await BodySignals.IsTokenExpiredAsync(call, response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        var refreshed = await tokens.RefreshAsync(connectionId, token.Value, cancellationToken).ConfigureAwait(false);
        SetBearer(request, refreshed);
        return await ResendAsync(request, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request again through the rate limiter: the resend costs the provider a request like any other. The
    /// call still holds its concurrency slot (its first response is disposed), so the resend is only paced; the rate
    /// limit strategy around this handler observes the response that comes back.
    /// </summary>
    private async Task<HttpResponseMessage> ResendAsync(HttpRequestMessage request, OutboundCall call, CancellationToken cancellationToken)
    {
        var priority = OutboundRequestOptions.PriorityOf(request);
        IDisposable? lease = null;
        if (_limiter is ProviderRateLimiter local)
        {
            await local.PaceAsync(call.Provider, call.Connection.Id, request, priority, cancellationToken).ConfigureAwait(false);
        }
        else if (_limiter is not null)
        {
            lease = await _limiter.AcquireAsync(call.Provider, call.Connection.Id, request, priority, cancellationToken).ConfigureAwait(false);
        }

        using (lease)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void SetBearer(HttpRequestMessage request, AccessToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(
            string.Equals(token.TokenType, "bearer", StringComparison.OrdinalIgnoreCase) ? "Bearer" : token.TokenType,
            token.Value);

    private static void ApplyDefaultHeaders(HttpRequestMessage request, ProviderDefinition provider)
    {
        if (provider.DefaultRequestHeaders.Count == 0)
        {
            return; // no enumerator to allocate
        }

        foreach (var (name, value) in provider.DefaultRequestHeaders)
        {
            if (!request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private static void ApplyStaticCredentials(HttpRequestMessage request, Connection connection, ConnectionCredentials? credentials, ProviderDefinition provider)
    {
        switch (connection.AuthMode)
        {
            case AuthMode.ApiKey:
                var key = credentials?.ApiKey
                    ?? throw new InvalidOperationException($"Connection '{connection.Id}' uses an API key but none is stored.");
                var settings = provider.ApiKey ?? new ApiKeySettings();
                var value = settings.Format.Replace("{key}", key, StringComparison.Ordinal);
                if (settings.Location == ApiKeyLocation.Query)
                {
                    request.RequestUri = AppendQuery(request.RequestUri!, settings.Name, value);
                }
                else
                {
                    request.Headers.Remove(settings.Name);
                    request.Headers.TryAddWithoutValidation(settings.Name, value);
                }

                break;
            case AuthMode.Basic:
                var pair = Encoding.UTF8.GetBytes($"{credentials?.Username}:{credentials?.Password}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
                break;
            default:
                throw new InvalidOperationException($"Connection '{connection.Id}' has auth mode {connection.AuthMode}, which has no static credentials.");
        }
    }

    private static Uri AppendQuery(Uri uri, string name, string value)
    {
        var builder = new UriBuilder(uri);
        var pair = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        if (builder.Query.TrimStart('?').Split('&').Contains(pair, StringComparer.Ordinal))
        {
            return uri; // a retry of a request that already carries the key
        }

        builder.Query = string.IsNullOrEmpty(builder.Query) ? pair : $"{builder.Query.TrimStart('?')}&{pair}";
        return builder.Uri;
    }
}
