using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mooring.Sandbox.Tests.OAuth;

/// <summary>Duende.IdentityModel (an independent OAuth/OIDC client) and Microsoft's JWT handler against the generic server.</summary>
public sealed class IdentityModelFidelityTests
{
    private const string Redirect = "http://127.0.0.1:4444/signin-oidc";

    [Fact]
    public async Task DiscoveryCodeRefreshUserInfoRevoke_WithDuendeIdentityModel()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var authority = new Uri(sandbox.Host.BaseAddress, "oauth").ToString();
        var disco = await sandbox.Http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = authority, Policy = { RequireHttps = false } }, ct);
        disco.IsError.ShouldBeFalse(disco.Error);
        disco.KeySet!.Keys.Count.ShouldBe(1);

        var (verifier, challenge) = TestSandbox.NewPkce();
        var code = (await sandbox.AuthorizeAsync(disco.AuthorizeEndpoint!, new()
        {
            ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["response_type"] = "code", ["scope"] = "openid email offline_access",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["nonce"] = "n-0S6_WzA2Mj", ["login_hint"] = "ada@example.com",
        }))["code"];

        var tokens = await sandbox.Http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "sandbox-client", ClientSecret = "sandbox-secret", Code = code, RedirectUri = Redirect, CodeVerifier = verifier,
        }, ct);
        tokens.IsError.ShouldBeFalse(tokens.Error);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.IdentityToken, new TokenValidationParameters
        {
            ValidIssuer = disco.Issuer,
            ValidAudience = "sandbox-client",
            IssuerSigningKeys = disco.KeySet.Keys.Select(k => new Microsoft.IdentityModel.Tokens.JsonWebKey(System.Text.Json.JsonSerializer.Serialize(k))),
            ValidateLifetime = false,
        });
        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);
        validation.Claims["nonce"].ShouldBe("n-0S6_WzA2Mj");
        validation.Claims["sub"].ShouldBe("ada@example.com");

        var userInfo = await sandbox.Http.GetUserInfoAsync(new UserInfoRequest { Address = disco.UserInfoEndpoint, Token = tokens.AccessToken }, ct);
        userInfo.IsError.ShouldBeFalse(userInfo.Error);
        userInfo.Claims.First(c => c.Type == "email").Value.ShouldBe("ada@example.com");

        var refreshed = await sandbox.Http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = "sandbox-client", ClientSecret = "sandbox-secret", RefreshToken = tokens.RefreshToken! }, ct);
        refreshed.IsError.ShouldBeFalse(refreshed.Error);
        refreshed.RefreshToken.ShouldNotBe(tokens.RefreshToken);

        var revoked = await sandbox.Http.RevokeTokenAsync(new TokenRevocationRequest { Address = disco.RevocationEndpoint, ClientId = "sandbox-client", ClientSecret = "sandbox-secret", Token = refreshed.RefreshToken!, TokenTypeHint = "refresh_token" }, ct);
        revoked.IsError.ShouldBeFalse(revoked.Error);

        var dead = await sandbox.Http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = "sandbox-client", ClientSecret = "sandbox-secret", RefreshToken = refreshed.RefreshToken! }, ct);
        dead.IsError.ShouldBeTrue();
        dead.Error.ShouldBe("invalid_grant");
    }
}
