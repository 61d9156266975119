using System.Diagnostics.CodeAnalysis;

namespace Mooring.Providers;

/// <summary>
/// Which hosts belong to a provider: the one rule for where a connection's credentials may be sent (the outbound
/// pipeline), where a next-page link may lead and what the proxy may reach (both only the API base URL's origin).
/// </summary>
internal static class ProviderHosts
{
    /// <summary>
    /// Whether a request to <paramref name="uri"/> may carry the connection's credentials: an absolute URL with a
    /// <see cref="IsSecureScheme"/>, on the host and port of the provider's <see cref="ProviderDefinition.ApiBaseUrl"/>
    /// or of one of its <see cref="ProviderDefinition.CredentialHosts"/>.
    /// </summary>
    public static bool MayReceiveCredentials(ProviderDefinition provider, Uri uri)
    {
        if (!uri.IsAbsoluteUri || !IsSecureScheme(uri))
        {
            return false;
        }

        if (provider.ApiBaseUrl is { } apiBase && uri.Port == apiBase.Port && SameHost(uri, apiBase))
        {
            return true;
        }

        foreach (var entry in provider.CredentialHosts)
        {
            if (TryParse(entry, out var host) && SameHost(uri, host) && (host.IsDefaultPort ? uri.IsDefaultPort : uri.Port == host.Port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// https, or http to a loopback host (so that the sandbox works): the rule for the URLs of a definition
    /// (<see cref="Validation.Rules.IsSecureUrl"/>) and for where credentials may go.
    /// </summary>
    public static bool IsSecureScheme(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    /// <summary>Whether <paramref name="uri"/> has the scheme, host and port of <paramref name="origin"/> and no user info.</summary>
    public static bool SameOrigin(Uri uri, Uri origin) =>
        uri.IsAbsoluteUri && uri.Port == origin.Port && string.IsNullOrEmpty(uri.UserInfo)
        && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase) && SameHost(uri, origin);

    /// <summary>
    /// Reads a <see cref="ProviderDefinition.CredentialHosts"/> entry, <c>host</c> or <c>host:port</c> (no scheme, path
    /// or user info), as an https origin whose <see cref="Uri.IsDefaultPort"/> says that no port was given.
    /// </summary>
    public static bool TryParse(string? entry, [NotNullWhen(true)] out Uri? host)
    {
        host = null;
        return !string.IsNullOrWhiteSpace(entry) && entry.IndexOfAny(['/', '\\', '@', '?', '#', ' ']) < 0
            && Uri.TryCreate("https://" + entry, UriKind.Absolute, out host) && host.HostNameType != UriHostNameType.Unknown;
    }

    /// <summary>The hosts a provider's credentials may go to, for messages: the API base URL's, then the listed ones.</summary>
    public static IEnumerable<string> Describe(ProviderDefinition provider) =>
        provider.ApiBaseUrl is { } apiBase ? [apiBase.Authority, .. provider.CredentialHosts] : provider.CredentialHosts;

    private static bool SameHost(Uri uri, Uri other) => string.Equals(uri.IdnHost, other.IdnHost, StringComparison.OrdinalIgnoreCase);
}
