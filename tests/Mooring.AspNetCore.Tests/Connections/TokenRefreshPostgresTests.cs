using Mooring.Testing;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Connections;

/// <summary>Two instances (two service providers, each with its own pool and FakeTimeProvider) sharing one PostgreSQL database.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class TokenRefreshPostgresTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private readonly TestIdentityProvider _idp = fixture.Idp;
    private string _database = null!;
    private MooringTestHost _one = null!;
    private MooringTestHost _two = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _idp.Reset();
        _database = await TestPostgres.CreateDatabaseAsync();
        var key = MooringTestHost.NewKey();
        _one = await MooringTestHost.StartAsync(_idp, _database, key);
        _two = await MooringTestHost.StartAsync(_idp, _database, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_two is not null)
        {
            await _two.DisposeAsync();
            await _one.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(_database);
        }
    }

    [Fact]
    public async Task GetAccessToken_ThousandCallersOnTwoInstances_OneRefresh()
    {
        using var browser = new Browser(_one);
        var connection = await browser.ConnectAsync("conn-pg");
        _one.Time.Advance(TimeSpan.FromHours(2));
        _two.Time.Advance(TimeSpan.FromHours(2));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(
            () => (i % 2 == 0 ? _one : _two).Get<ITokenManager>().GetAccessTokenAsync(connection.Id, Ct).AsTask(), Ct)));

        _idp.RefreshRequests.ShouldBe(1);
        tokens.Select(t => t.Value).Distinct().Count().ShouldBe(1);
        var (after, credentials) = (await _two.Get<IConnectionVault>().GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        credentials!.AccessToken.ShouldBe(tokens[0].Value);
        after.Version.ShouldBe(connection.Version + 1);
    }

    [Fact]
    public async Task GetAccessToken_RefusedOnOneInstance_OtherSeesNeedsReconnectWithoutAsking()
    {
        using var browser = new Browser(_one);
        var connection = await browser.ConnectAsync("conn-pg2");
        var vault = _one.Get<IConnectionVault>();
        var (current, credentials) = (await vault.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        await vault.UpdateAsync(current, credentials! with { RefreshToken = "not-a-valid-refresh-token" }, current.Version, Ct);
        _one.Time.Advance(TimeSpan.FromHours(2));
        _two.Time.Advance(TimeSpan.FromHours(2));

        await Should.ThrowAsync<ConnectionNeedsReconnectException>(() => _one.Get<ITokenManager>().GetAccessTokenAsync(connection.Id, Ct).AsTask());
        await Should.ThrowAsync<ConnectionNeedsReconnectException>(() => _two.Get<ITokenManager>().GetAccessTokenAsync(connection.Id, Ct).AsTask());

        _idp.RefreshRequests.ShouldBe(1);
    }
}
