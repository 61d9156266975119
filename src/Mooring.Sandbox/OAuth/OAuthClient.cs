namespace Mooring.Sandbox.OAuth;

/// <summary>A client registered with one provider's authorization server.</summary>
/// <param name="Provider">The provider, one of <see cref="SandboxProvider"/>.</param>
/// <param name="ClientId">The client identifier.</param>
/// <param name="ClientSecret">The secret, or <see langword="null"/> for a public client that must use PKCE.</param>
/// <param name="RedirectUris">The redirect URIs accepted by exact match; empty accepts any URI (the default client).</param>
internal sealed record OAuthClient(string Provider, string ClientId, string? ClientSecret, IReadOnlyList<string> RedirectUris)
{
    public bool AcceptsRedirect(string? redirectUri) =>
        redirectUri is not null && (RedirectUris.Count == 0 || RedirectUris.Contains(redirectUri, StringComparer.Ordinal));
}
