using System.Text;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.OAuth;

/// <summary>
/// Starts an authorization: a fresh state (256 bits, stored only as its SHA-256, single use, short-lived, bound to the
/// browser by the hash of a cookie value) and a fresh PKCE verifier (stored encrypted), then the provider's URL.
/// </summary>
internal sealed class ConnectFlow(
    IProviderCatalog catalog,
    OAuthClients clients,
    IOAuthStateStore states,
    ISecretProtector protector,
    IOptions<ConnectionsOptions> options,
    TimeProvider time)
{
    public async Task<Uri> StartAsync(ConnectRequest request, string browserBinding, string redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(browserBinding);
        var provider = await catalog.GetResolvedAsync(request.Provider, cancellationToken).ConfigureAwait(false);
        if (provider.OAuth2 is not { AuthorizationUrl: not null, TokenUrl: not null } oauth || !provider.AuthModes.Contains(AuthMode.OAuth2))
        {
            throw new InvalidOperationException($"The provider '{provider.Key}' cannot be connected with OAuth 2.0.");
        }

        var client = clients.Get(provider);
        var state = OAuthRandom.NewValue();
        var stateHash = OAuthRandom.Hash(state);
        var verifier = OAuthRandom.NewValue();
        var scopes = oauth.DefaultScopes.Concat(request.Scopes).Distinct(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();
        await states.SaveAsync(new OAuthStateRecord
        {
            StateHash = stateHash,
            Provider = provider.Key,
            ConnectionId = request.ConnectionId ?? ConnectionId.New(),
            EndUserRef = request.EndUserRef,
            TenantRef = request.TenantRef,
            BrowserBindingHash = OAuthRandom.Hash(browserBinding),
            RedirectUri = redirectUri,
            Scopes = scopes,
            CodeVerifier = protector.Protect(Encoding.ASCII.GetBytes(verifier), SecretKinds.Context(SecretKinds.OAuthState, stateHash)),
            CreatedAt = now,
            ExpiresAt = now + options.Value.AuthorizationLifetime,
        }, cancellationToken).ConfigureAwait(false);

        var challenge = oauth.Pkce == PkceSupport.None ? null : OAuthRandom.Challenge(verifier);
        return AuthorizationUrl.Build(provider, client.ClientId!, redirectUri, scopes, state, challenge);
    }
}
