using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Mooring.Server.Hosting;

/// <summary>
/// In sandbox mode the server mounts the provider emulators under <c>/sandbox</c> and points the built-in providers
/// at them, with the emulators' default OAuth client, so that the connect flow, token refresh and API calls work
/// offline. Anything set explicitly in configuration still wins: these values are the lowest-precedence source.
/// </summary>
internal static class SandboxWiring
{
    public const string Prefix = "/sandbox";
    public const string ClientId = "sandbox-client";
    public const string ClientSecret = "sandbox-secret";

    public static bool IsSandbox(IConfiguration configuration) =>
        string.Equals(configuration["Mooring:Mode"], "Sandbox", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address the server itself is reached at, from <c>Mooring:Sandbox:BaseUrl</c> or the first of <c>urls</c>.</summary>
    public static string BaseUrl(IConfiguration configuration)
    {
        var configured = configuration["Mooring:Sandbox:BaseUrl"];
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.TrimEnd('/');
        }

        var first = (configuration["urls"] ?? ServerHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    public static void AddProviderOverrides(IConfigurationBuilder configuration, string baseUrl)
    {
        var s = baseUrl + Prefix;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mooring:Connections:PublicBaseUrl"] = baseUrl,
            ["Mooring:Providers:slack:apiBaseUrl"] = $"{s}/slack/api/",
            ["Mooring:Providers:slack:oauth2:authorizationUrl"] = $"{s}/slack/oauth/v2/authorize",
            ["Mooring:Providers:slack:oauth2:tokenUrl"] = $"{s}/slack/api/oauth.v2.access",
            ["Mooring:Providers:slack:oauth2:revocationUrl"] = $"{s}/slack/api/auth.revoke",
            ["Mooring:Providers:github:apiBaseUrl"] = $"{s}/github/",
            ["Mooring:Providers:github:oauth2:authorizationUrl"] = $"{s}/github/login/oauth/authorize",
            ["Mooring:Providers:github:oauth2:tokenUrl"] = $"{s}/github/login/oauth/access_token",
            ["Mooring:Providers:github:oauth2:revocationUrl"] = $"{s}/github/applications/{{clientId}}/token",
            ["Mooring:Providers:github:oauth2:userInfoUrl"] = $"{s}/github/user",
            ["Mooring:Providers:google:apiBaseUrl"] = $"{s}/google/",
            ["Mooring:Providers:google:oauth2:authorizationUrl"] = $"{s}/google/o/oauth2/v2/auth",
            ["Mooring:Providers:google:oauth2:tokenUrl"] = $"{s}/google/token",
            ["Mooring:Providers:google:oauth2:revocationUrl"] = $"{s}/google/revoke",
            ["Mooring:Providers:google:oauth2:userInfoUrl"] = $"{s}/google/oauth2/v3/userinfo",
            ["Mooring:Providers:google-mail:apiBaseUrl"] = $"{s}/google/gmail/v1/",
            ["Mooring:Providers:google-calendar:apiBaseUrl"] = $"{s}/google/calendar/v3/",
            ["Mooring:Providers:stripe:apiBaseUrl"] = $"{s}/stripe/",
            ["Mooring:Sync:BuiltIns"] = "true",
            // Google Calendar push notifications from the emulator's channels (each channel has its own token).
            ["Mooring:Webhooks:Providers:google-calendar"] = string.Empty,
        };
        foreach (var provider in new[] { "slack", "github", "google", "google-mail", "google-calendar" })
        {
            values[$"Mooring:OAuth:Clients:{provider}:ClientId"] = ClientId;
            values[$"Mooring:OAuth:Clients:{provider}:ClientSecret"] = ClientSecret;
        }

        if (configuration is IConfigurationManager or ConfigurationBuilder)
        {
            configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
        }
    }
}
