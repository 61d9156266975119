using Microsoft.AspNetCore.Http;
using Mooring.Connections;

namespace Mooring.AspNetCore.Connections;

/// <summary>
/// Binds an authorization to the browser that started it: a random cookie value whose SHA-256 is stored with the state.
/// A callback from another browser (a login CSRF, a forwarded link) lacks the cookie and is refused.
/// HttpOnly, SameSite=Lax (sent on the provider's top-level redirect back), Secure over HTTPS, scoped to <c>/connect</c>.
/// </summary>
internal static class BrowserBinding
{
    public const string CookieName = "mooring_connect";

    public static string GetOrCreate(HttpContext context, ConnectionsOptions options)
    {
        if (Read(context) is { } existing)
        {
            return existing;
        }

        var value = OAuth.OAuthRandom.NewValue();
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = context.Request.PathBase.Add(new PathString("/connect")).Value,
            MaxAge = options.AuthorizationLifetime,
            IsEssential = true,
        });
        return value;
    }

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: 43 } ? value : null;
}
