using System.Text.Json.Serialization;
using Mooring.Connections;

namespace Mooring.Providers;

/// <summary>
/// What Mooring knows about one provider: how to authenticate, where its API lives, how it limits,
/// pages, signs webhooks and reports errors. Built-in definitions are JSON embedded in Mooring.Core;
/// configuration (<c>Mooring:Providers:{key}</c>) and extra JSON files override or add to them.
/// </summary>
/// <remarks>The format is described field by field in <c>docs/providers.md</c>.</remarks>
public sealed record ProviderDefinition
{
    /// <summary>The key of the provider, from the section or file that defines it.</summary>
    [JsonIgnore]
    public ProviderKey Key { get; init; }

    /// <summary>The key of the definition this one extends, if any (JSON <c>basedOn</c>).</summary>
    public string? BasedOn { get; init; }

    /// <summary>
    /// Whether this definition is only a template for others (JSON <c>template</c>); templates are listed but
    /// may leave out values a concrete provider needs, such as the discovery issuer. Not inherited.
    /// </summary>
    [JsonPropertyName("template")]
    public bool IsTemplate { get; init; }

    /// <summary>The name shown to people, such as "Google Calendar".</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>An absolute https URL or a <c>data:image/…</c> URI of the provider's icon.</summary>
    public string? Icon { get; init; }

    /// <summary>Where the provider documents its API.</summary>
    public Uri? DocsUrl { get; init; }

    /// <summary>The base URL that relative API paths are resolved against.</summary>
    public Uri? ApiBaseUrl { get; init; }

    /// <summary>
    /// Hosts besides the <see cref="ApiBaseUrl"/>'s that a connection's credentials may be sent to, each <c>host</c> or
    /// <c>host:port</c> (Google's APIs share one token across <c>gmail.googleapis.com</c>, <c>www.googleapis.com</c>, …).
    /// The outbound pipeline refuses, unsent, a request to any other host, and one over plain http to a host that is not
    /// loopback.
    /// </summary>
    /// <value>The default value is empty: only the API base URL's host and port.</value>
    public IReadOnlyList<string> CredentialHosts { get; init; } = [];

    /// <summary>Headers sent with every API call, such as an API version header.</summary>
    public IReadOnlyDictionary<string, string> DefaultRequestHeaders { get; init; } = EmptyHeaders;

    /// <summary>The ways a connection may authenticate; each needs its settings section, except basic.</summary>
    public IReadOnlyList<AuthMode> AuthModes { get; init; } = [];

    /// <summary>Settings of the OAuth 2.0 authorization code grant (<see cref="AuthMode.OAuth2"/>).</summary>
    public OAuth2Settings? OAuth2 { get; init; }

    /// <summary>Settings of the client credentials grant (<see cref="AuthMode.OAuth2ClientCredentials"/>).</summary>
    public ClientCredentialsSettings? ClientCredentials { get; init; }

    /// <summary>Where an API key goes (<see cref="AuthMode.ApiKey"/>).</summary>
    public ApiKeySettings? ApiKey { get; init; }

    /// <summary>Rate limits to pace by and the headers that report them.</summary>
    public RateLimitPolicy RateLimits { get; init; } = new();

    /// <summary>How list endpoints page.</summary>
    public PaginationSettings Pagination { get; init; } = new();

    /// <summary>How incoming webhooks are signed and where their id, type and account live.</summary>
    public WebhookSettings? Webhooks { get; init; }

    /// <summary>Where the parts of an error response body are.</summary>
    public ErrorShape Errors { get; init; } = new();

    /// <summary>How the provider makes retried writes safe, if it does.</summary>
    public IdempotencySettings? Idempotency { get; init; }

    internal static IReadOnlyDictionary<string, string> EmptyHeaders { get; } = new Dictionary<string, string>();
}
