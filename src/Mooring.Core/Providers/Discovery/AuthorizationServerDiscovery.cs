using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Mooring.Providers.Discovery;

/// <summary>
/// Fetches a provider's metadata from its issuer: first RFC 8414 (<c>/.well-known/oauth-authorization-server</c>,
/// inserted before the issuer's path), then OpenID Connect Discovery (<c>/.well-known/openid-configuration</c>,
/// appended to the issuer), and fills what the definition leaves open.
/// </summary>
internal sealed class AuthorizationServerDiscovery(IHttpClientFactory httpClientFactory, IOptions<ProviderCatalogOptions> options)
{
    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task<ProviderDefinition> ApplyAsync(ProviderDefinition definition, CancellationToken cancellationToken)
    {
        var issuer = definition.OAuth2?.Issuer ?? throw new ProviderDiscoveryException(definition.Key, "oauth2.issuer is required for discovery");
        var failures = new List<string>();
        foreach (var url in MetadataUrls(issuer))
        {
            var metadata = await TryFetchAsync(url, failures, cancellationToken).ConfigureAwait(false);
            if (metadata is not null)
            {
                return DiscoveredDefinition.Apply(definition, metadata, url);
            }
        }

        throw new ProviderDiscoveryException(definition.Key, $"no authorization server metadata was found for issuer '{issuer}' ({string.Join("; ", failures)})");
    }

    internal static IEnumerable<Uri> MetadataUrls(string issuer)
    {
        var uri = new Uri(issuer, UriKind.Absolute);
        var authority = uri.GetLeftPart(UriPartial.Authority);
        var path = uri.AbsolutePath.TrimEnd('/');
        yield return new Uri(authority + "/.well-known/oauth-authorization-server" + path);
        yield return new Uri(authority + path + "/.well-known/openid-configuration");
    }

    private async Task<AuthorizationServerMetadata?> TryFetchAsync(Uri url, List<string> failures, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DiscoveryTimeout);
        var client = httpClientFactory.CreateClient(ProviderCatalogConstants.DiscoveryHttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: HTTP {(int)response.StatusCode}");
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<AuthorizationServerMetadata>(stream, MetadataJson, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Add($"{url}: no answer within {options.Value.DiscoveryTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            failures.Add($"{url}: {ex.Message}");
        }
        catch (JsonException)
        {
            failures.Add($"{url}: the response is not a JSON metadata document");
        }

        return null;
    }
}
