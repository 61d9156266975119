using System.Net;
using System.Text;
using System.Web;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Tests.Connections;

[Collection(IdentityProviderCollection.Name)]
public sealed class ConnectFlowTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private readonly TestIdentityProvider _idp = fixture.Idp;
    private MooringTestHost _mooring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _idp.Reset();
        _mooring = await MooringTestHost.StartAsync(_idp);
    }

    public async ValueTask DisposeAsync()
    {
        await _mooring.DisposeAsync();
    }

    [Fact]
    public async Task Connect_FullFlow_StoresTokensEncryptedAndRedirectsToSuccessUrl()
    {
        using var browser = new Browser(_mooring);
        var callback = await browser.GetCallbackAsync("conn-1");
        using var response = await browser.DeliverAsync(callback);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe("http://app.test/connected");
        HttpUtility.ParseQueryString(response.Headers.Location.Query)["connection_id"].ShouldBe("conn-1");
        var (connection, credentials) = (await _mooring.Get<IConnectionVault>().GetAsync(ConnectionId.Parse("conn-1"), Ct)).ShouldNotBeNull();
        connection.Status.ShouldBe(ConnectionStatus.Active);
        connection.EndUserRef.ShouldBe("user-1");
        connection.ExpiresAt.ShouldNotBeNull();
        credentials!.AccessToken.ShouldNotBeNullOrEmpty();
        credentials.RefreshToken.ShouldNotBeNullOrEmpty();
        var stored = await _mooring.Get<IConnectionStore>().GetAsync(ConnectionId.Parse("conn-1"), Ct);
        Encoding.UTF8.GetString(stored!.Credentials!.Ciphertext).ShouldNotContain(credentials.AccessToken[..20]);
        _mooring.RaisedEvents.ShouldContain(e => e.Kind == ConnectionEventKind.Connected && e.Connection.Id == connection.Id);
        _idp.CodeRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Start_EachTime_FreshStateAndPkceS256()
    {
        using var browser = new Browser(_mooring);
        var first = HttpUtility.ParseQueryString((await browser.OpenLinkAsync(await Browser.CreateLinkAsync(_mooring))).Query);
        var second = HttpUtility.ParseQueryString((await browser.OpenLinkAsync(await Browser.CreateLinkAsync(_mooring))).Query);

        first["code_challenge_method"].ShouldBe("S256");
        first["state"]!.Length.ShouldBeGreaterThanOrEqualTo(43); // 256 bits in base64url
        first["state"].ShouldNotBe(second["state"]);
        first["code_challenge"].ShouldNotBe(second["code_challenge"]);
        first["redirect_uri"].ShouldBe(MooringTestHost.CallbackUrl);
        first["scope"].ShouldBe("offline_access api");
    }

    [Fact]
    public async Task Callback_UserDeclined_ShowsAPageThatSaysSo()
    {
        _idp.Deny = true;
        using var browser = new Browser(_mooring);
        using var response = await browser.DeliverAsync(await browser.GetCallbackAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("You declined access to Test IdP, so nothing was connected.");
        _idp.CodeRequests.ShouldBe(0);
        (await _mooring.Get<IConnectionManager>().ListAsync(new ConnectionQuery(), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectLink_Altered_IsRefused()
    {
        var link = await Browser.CreateLinkAsync(_mooring);
        var altered = link[..^2] + (link[^2] == 'A' ? "BA" : "AA");

        using var response = await _mooring.Client.GetAsync(new Uri(altered).PathAndQuery, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("This connect link is not valid");
    }

    [Fact]
    public async Task ConnectLink_AfterItsLifetime_IsRefused()
    {
        var link = await Browser.CreateLinkAsync(_mooring);
        _mooring.Time.Advance(TimeSpan.FromMinutes(31));

        using var response = await _mooring.Client.GetAsync(new Uri(link).PathAndQuery, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("expired");
    }

    [Fact]
    public async Task Reconnect_SameConnectionId_ReplacesTokensAndIsActiveAgain()
    {
        using var browser = new Browser(_mooring);
        var first = await browser.ConnectAsync("conn-re");
        var vault = _mooring.Get<IConnectionVault>();
        var (_, before) = (await vault.GetAsync(first.Id, Ct)).ShouldNotBeNull();

        var second = await browser.ConnectAsync("conn-re");

        var (after, credentials) = (await vault.GetAsync(first.Id, Ct)).ShouldNotBeNull();
        after.Version.ShouldBeGreaterThan(first.Version);
        credentials!.RefreshToken.ShouldNotBe(before!.RefreshToken);
        second.Status.ShouldBe(ConnectionStatus.Active);
    }
}
