using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mooring.AspNetCore.Proxy;

/// <summary>
/// Which headers cross the proxy. The caller's hop-by-hop headers (RFC 9110 section 7.6.1, and those its Connection header
/// names), its credentials for Mooring (Authorization, X-Mooring-Api-Key, cookies), forwarding headers and Accept-Encoding
/// stay behind: the provider sees the connection's credentials only, and answers uncompressed.
/// </summary>
internal static class ProxyHeaders
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.ProxyAuthenticate, HeaderNames.ProxyAuthorization,
        HeaderNames.TE, HeaderNames.Trailer, HeaderNames.TransferEncoding, HeaderNames.Upgrade, "Proxy-Connection",
    };

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host, HeaderNames.Authorization, HeaderNames.Cookie, "X-Mooring-Api-Key",
        HeaderNames.ContentLength, HeaderNames.Expect, "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
        // The pipeline reads some answers' bodies (Slack's HTTP 200 ok:false: token_expired, ratelimited) and does not
        // decompress them: the provider answers uncompressed, over loopback or the host's own network.
        HeaderNames.AcceptEncoding,
    };

    private static readonly HashSet<string> NotReturned = new(StringComparer.OrdinalIgnoreCase) { HeaderNames.SetCookie };

    public static void CopyRequest(HttpRequest from, HttpRequestMessage to, HttpContent? content)
    {
        to.Content = content;
        var named = NamedByConnection(from.Headers.Connection);
        foreach (var (name, values) in from.Headers)
        {
            if (HopByHop.Contains(name) || NotForwarded.Contains(name) || named.Contains(name))
            {
                continue;
            }

            if (!to.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                to.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    public static void CopyResponse(HttpResponseMessage from, HttpResponse to)
    {
        var named = NamedByConnection(from.Headers.Connection.ToArray());
        foreach (var (name, values) in from.Headers.Concat(from.Content.Headers))
        {
            if (!HopByHop.Contains(name) && !NotReturned.Contains(name) && !named.Contains(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }
    }

    private static HashSet<string> NamedByConnection(IEnumerable<string?> connection) =>
        new(connection.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            StringComparer.OrdinalIgnoreCase);
}
