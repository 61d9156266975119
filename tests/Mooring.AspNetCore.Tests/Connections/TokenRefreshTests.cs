using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Connections;

public sealed class TokenRefreshTests(IdentityProviderFixture fixture) : MooringTestBase(fixture)
{
    [Fact]
    public async Task GetAccessToken_NotYetDue_NoRefresh()
    {
        var connection = await ConnectAsync();
        var (_, stored) = (await Mooring.Get<IConnectionVault>().GetAsync(connection.Id, Ct)).ShouldNotBeNull();

        var token = await Tokens.GetAccessTokenAsync(connection.Id, Ct);

        token.Value.ShouldBe(stored!.AccessToken);
        token.TokenType.ShouldBe("Bearer");
        Idp.RefreshRequests.ShouldBe(0);
    }

    [Fact]
    public async Task GetAccessToken_WithinRefreshAheadMargin_Refreshes()
    {
        var connection = await ConnectAsync();
        Mooring.Time.SetUtcNow(connection.ExpiresAt!.Value - TimeSpan.FromSeconds(59));

        var token = await Tokens.GetAccessTokenAsync(connection.Id, Ct);

        Idp.RefreshRequests.ShouldBe(1);
        token.ExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(connection.ExpiresAt.Value);
    }

    [Fact]
    public async Task BackgroundRefresh_TokenExpiringBeforeTheNextPass_IsRefreshedAndStored()
    {
        var connection = await ConnectAsync();
        var refresher = Mooring.Get<BackgroundTokenRefresher>();
        var vault = Mooring.Get<IConnectionVault>();
        var (_, before) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();

        Mooring.Time.SetUtcNow(connection.ExpiresAt!.Value - TimeSpan.FromMinutes(30));
        (await refresher.RunOnceAsync(Ct)).ShouldBe(0, "not due before the next pass");
        Mooring.Time.SetUtcNow(connection.ExpiresAt.Value - TimeSpan.FromMinutes(1));
        (await refresher.RunOnceAsync(Ct)).ShouldBe(1);

        Idp.RefreshRequests.ShouldBe(1);
        var (after, credentials) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        after.ExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(connection.ExpiresAt.Value);
        credentials!.RefreshToken.ShouldNotBe(before!.RefreshToken);
        (await refresher.RunOnceAsync(Ct)).ShouldBe(0, "the new token is not due");
    }

    [Fact]
    public async Task BackgroundRefresh_ConnectionNeedingReconnect_IsLeftAlone()
    {
        var connection = await ConnectAsync();
        var vault = Mooring.Get<IConnectionVault>();
        var (current, credentials) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        await vault.UpdateAsync(current with { Status = ConnectionStatus.NeedsReconnect }, credentials, current.Version, Ct);
        Mooring.Time.SetUtcNow(connection.ExpiresAt!.Value - TimeSpan.FromMinutes(1));

        (await Mooring.Get<BackgroundTokenRefresher>().RunOnceAsync(Ct)).ShouldBe(0);

        Idp.RefreshRequests.ShouldBe(0);
    }

    [Fact]
    public async Task GetAccessToken_ThousandConcurrentCallersOnExpiredToken_OneRefresh()
    {
        var connection = await ConnectAsync();
        var vault = Mooring.Get<IConnectionVault>();
        var (_, before) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        Mooring.Time.Advance(TimeSpan.FromHours(2));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Tokens.GetAccessTokenAsync(connection.Id, Ct).AsTask(), Ct)));

        Idp.RefreshRequests.ShouldBe(1);
        tokens.Select(t => t.Value).Distinct().Count().ShouldBe(1);
        tokens[0].Value.ShouldNotBe(before!.AccessToken);
        var (after, credentials) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        credentials!.AccessToken.ShouldBe(tokens[0].Value);
        credentials.RefreshToken.ShouldNotBe(before.RefreshToken); // rotated, and stored
        after.Version.ShouldBe(connection.Version + 1); // access and refresh token in one write
    }

    [Fact]
    public async Task GetAccessToken_RotatedRefreshTokenStored_NextRefreshWorksWithZeroReuseLeeway()
    {
        var connection = await ConnectAsync();
        for (var i = 1; i <= 3; i++)
        {
            Mooring.Time.Advance(TimeSpan.FromHours(2));
            await Tokens.GetAccessTokenAsync(connection.Id, Ct);
            Idp.RefreshRequests.ShouldBe(i);
        }

        (await Mooring.Get<IConnectionManager>().GetAsync(connection.Id, Ct))!.Status.ShouldBe(ConnectionStatus.Active);
    }

    [Fact]
    public async Task GetAccessToken_OldRefreshTokenReused_NeedsReconnectOnceAndNoRetries()
    {
        var connection = await ConnectAsync();
        var vault = Mooring.Get<IConnectionVault>();
        var (_, original) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        await Tokens.GetAccessTokenAsync(connection.Id, Ct);
        // Put the used refresh token back, as a store restored from a backup would.
        var (current, _) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        await vault.UpdateAsync(current, original, current.Version, Ct);
        Mooring.Time.Advance(TimeSpan.FromHours(2));

        var refused = await Should.ThrowAsync<ConnectionNeedsReconnectException>(() => Tokens.GetAccessTokenAsync(connection.Id, Ct).AsTask());
        var again = await Should.ThrowAsync<ConnectionNeedsReconnectException>(() => Tokens.GetAccessTokenAsync(connection.Id, Ct).AsTask());

        Idp.RefreshRequests.ShouldBe(2); // the good refresh and the refused one: no retries, nothing after
        refused.Message.ShouldContain("invalid_grant");
        refused.Message.ShouldContain("connect Test IdP again");
        again.Connection.Status.ShouldBe(ConnectionStatus.NeedsReconnect);
        Mooring.RaisedEvents.Count(e => e.Kind == ConnectionEventKind.NeedsReconnect).ShouldBe(1);
    }

    [Fact]
    public async Task GetAccessToken_TokenEndpointDownTwice_RetriedThenSucceeds()
    {
        var connection = await ConnectAsync();
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        Idp.FailNextTokenRequests(2);

        var token = await Tokens.GetAccessTokenAsync(connection.Id, Ct);

        token.Value.ShouldNotBeNullOrEmpty();
        Idp.RefreshRequests.ShouldBe(3);
    }

    [Fact]
    public async Task GetAccessToken_TokenEndpointStaysDown_TransientErrorAndConnectionKept()
    {
        var connection = await ConnectAsync();
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        Idp.FailNextTokenRequests(100);

        var error = await Should.ThrowAsync<TokenRequestException>(() => Tokens.GetAccessTokenAsync(connection.Id, Ct).AsTask());

        error.IsTransient.ShouldBeTrue();
        error.Error.ShouldBe("http_503");
        Idp.RefreshRequests.ShouldBe(4); // the first try and 3 retries
        (await Mooring.Get<IConnectionManager>().GetAsync(connection.Id, Ct))!.Status.ShouldBe(ConnectionStatus.Active);
        Idp.FailNextTokenRequests(0);
        (await Tokens.GetAccessTokenAsync(connection.Id, Ct)).Value.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetAccessToken_ConnectionEditedDuringRefresh_TokensAppliedToTheLatestVersion()
    {
        var connection = await ConnectAsync();
        var vault = Mooring.Get<IConnectionVault>();
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        Idp.OnTokenRequest = async () =>
        {
            var (c, creds) = (await vault.GetAsync(connection.Id, CancellationToken.None))!.Value;
            await vault.UpdateAsync(c with { Metadata = new Dictionary<string, string> { ["edited"] = "yes" } }, creds, c.Version, CancellationToken.None);
        };

        var token = await Tokens.GetAccessTokenAsync(connection.Id, Ct);

        var (after, credentials) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        after.Metadata["edited"].ShouldBe("yes");
        credentials!.AccessToken.ShouldBe(token.Value);
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        await Tokens.GetAccessTokenAsync(connection.Id, Ct); // the stored refresh token is the rotated one
        Idp.RefreshRequests.ShouldBe(2);
    }

    private ITokenManager Tokens => Mooring.Get<ITokenManager>();

    private async Task<Connection> ConnectAsync()
    {
        using var browser = new Browser(Mooring);
        return await browser.ConnectAsync("conn-r");
    }
}
