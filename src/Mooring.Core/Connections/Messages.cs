using Mooring.OAuth;
using Mooring.Providers;

namespace Mooring.Connections;

/// <summary>Texts a person can act on. They name error codes, never token values.</summary>
internal static class Messages
{
    public static string GrantRefused(ProviderDefinition provider, string error) =>
        $"{Name(provider)} no longer accepts this connection's authorization ({error}): it was revoked, expired or the app was removed. " +
        $"Ask the user to connect {Name(provider)} again.";

    public static string TokenRequestFailed(ProviderDefinition provider, TokenEndpointResult result, bool transient) => transient
        ? $"{Name(provider)} could not issue a token just now ({result.Error}{Status(result)}), even after retries. The connection is kept; try again later."
        : $"{Name(provider)} rejected Mooring's token request ({result.Error}{Status(result)}). Check {OAuthOptions.SectionName}:Clients:{provider.Key} and the provider's token URL.";

    public static string Name(ProviderDefinition provider) => string.IsNullOrEmpty(provider.DisplayName) ? provider.Key.Value : provider.DisplayName;

    private static string Status(TokenEndpointResult result) => result.StatusCode is { } code ? $", HTTP {code}" : string.Empty;
}
