using Microsoft.Extensions.Time.Testing;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Sandbox;

namespace Mooring.AspNetCore.Tests.Connections;

/// <summary>
/// The built-in Slack and GitHub definitions, unchanged but for their URLs, against the sandbox emulators: Slack's
/// comma-separated scopes, HTTP Basic token requests, rotating refresh tokens and auth.revoke; GitHub's Accept header
/// (without it the token endpoint answers form-encoded), client_secret_post and DELETE /applications/{client_id}/token.
/// </summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class SandboxProviderTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private readonly FakeTimeProvider _sandboxTime = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private SandboxHost _sandbox = null!;
    private MooringTestHost _mooring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 3, TimeProvider = _sandboxTime }, cancellationToken: Ct);
        var slack = _sandbox.AddressOf(SandboxProvider.Slack);
        var github = _sandbox.AddressOf(SandboxProvider.GitHub);
        _mooring = await MooringTestHost.StartAsync(fixture.Idp, settings: new()
        {
            ["Mooring:Providers:slack:oauth2:authorizationUrl"] = new Uri(slack, "oauth/v2/authorize").AbsoluteUri,
            ["Mooring:Providers:slack:oauth2:tokenUrl"] = new Uri(slack, "api/oauth.v2.access").AbsoluteUri,
            ["Mooring:Providers:slack:oauth2:revocationUrl"] = new Uri(slack, "api/auth.revoke").AbsoluteUri,
            ["Mooring:Providers:github:oauth2:authorizationUrl"] = new Uri(github, "login/oauth/authorize").AbsoluteUri,
            ["Mooring:Providers:github:oauth2:tokenUrl"] = new Uri(github, "login/oauth/access_token").AbsoluteUri,
            ["Mooring:Providers:github:oauth2:revocationUrl"] = github.AbsoluteUri + "applications/{clientId}/token",
            ["Mooring:OAuth:Clients:slack:ClientId"] = "sandbox-client",
            ["Mooring:OAuth:Clients:slack:ClientSecret"] = "sandbox-secret",
            ["Mooring:OAuth:Clients:github:ClientId"] = "sandbox-client",
            ["Mooring:OAuth:Clients:github:ClientSecret"] = "sandbox-secret",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _mooring.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("slack", 13)]
    [InlineData("github", 9)]
    public async Task Lifecycle_ConnectRefreshRevoke(string provider, int hoursToExpiry)
    {
        using var browser = new Browser(_mooring);
        var connection = await browser.ConnectAsync("conn-" + provider, provider);
        var vault = _mooring.Get<IConnectionVault>();
        var (_, first) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        connection.Status.ShouldBe(ConnectionStatus.Active);
        first!.RefreshToken.ShouldNotBeNullOrEmpty();

        _mooring.Time.Advance(TimeSpan.FromHours(hoursToExpiry));
        _sandboxTime.Advance(TimeSpan.FromHours(hoursToExpiry));
        var token = await _mooring.Get<ITokenManager>().GetAccessTokenAsync(connection.Id, Ct);
        var (_, refreshed) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        token.Value.ShouldNotBe(first.AccessToken);
        token.TokenType.ShouldBe("Bearer");
        refreshed!.RefreshToken.ShouldNotBe(first.RefreshToken); // rotated, and kept

        var result = await _mooring.Get<IConnectionManager>().DisconnectAsync(connection.Id, Ct);

        result.Deleted.ShouldBeTrue();
        result.RevocationError.ShouldBeNull();
        result.Revoked.ShouldBeTrue();
    }
}
