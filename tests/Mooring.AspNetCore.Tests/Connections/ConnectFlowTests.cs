using System.Net;
using System.Text;
using System.Web;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Tests.Connections;

public sealed class ConnectFlowTests(IdentityProviderFixture fixture) : MooringTestBase(fixture)
{
    [Fact]
    public async Task Connect_FullFlow_StoresTokensEncryptedAndRedirectsToSuccessUrl()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync("conn-1");
        using var response = await browser.DeliverAsync(callback);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe("http://app.test/connected");
        HttpUtility.ParseQueryString(response.Headers.Location.Query)["connection_id"].ShouldBe("conn-1");
        var (connection, credentials) = (await Mooring.Get<IConnectionVault>().GetAsync(ConnectionId.Parse("conn-1"), Ct)).ShouldNotBeNull();
        connection.Status.ShouldBe(ConnectionStatus.Active);
        connection.EndUserRef.ShouldBe("user-1");
        connection.ExpiresAt.ShouldNotBeNull();
        credentials!.AccessToken.ShouldNotBeNullOrEmpty();
        credentials.RefreshToken.ShouldNotBeNullOrEmpty();
        var stored = await Mooring.Get<IConnectionStore>().GetAsync(ConnectionId.Parse("conn-1"), Ct);
        Encoding.UTF8.GetString(stored!.Credentials!.Ciphertext).ShouldNotContain(credentials.AccessToken[..20]);
        Mooring.RaisedEvents.ShouldContain(e => e.Kind == ConnectionEventKind.Connected && e.Connection.Id == connection.Id);
        Idp.CodeRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Start_EachTime_FreshStateAndPkceS256()
    {
        using var browser = new Browser(Mooring);
        var first = HttpUtility.ParseQueryString((await browser.OpenLinkAsync(await Browser.CreateLinkAsync(Mooring))).Query);
        var second = HttpUtility.ParseQueryString((await browser.OpenLinkAsync(await Browser.CreateLinkAsync(Mooring))).Query);

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
        Idp.Deny = true;
        using var browser = new Browser(Mooring);
        using var response = await browser.DeliverAsync(await browser.GetCallbackAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("You declined access to Test IdP, so nothing was connected.");
        Idp.CodeRequests.ShouldBe(0);
        (await Mooring.Get<IConnectionManager>().ListAsync(new ConnectionQuery(), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectLink_Altered_IsRefused()
    {
        var link = await Browser.CreateLinkAsync(Mooring);
        var altered = link[..^2] + (link[^2] == 'A' ? "BA" : "AA");

        using var response = await Mooring.Client.GetAsync(new Uri(altered).PathAndQuery, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("This connect link is not valid");
    }

    [Fact]
    public async Task ConnectLink_AfterItsLifetime_IsRefused()
    {
        var link = await Browser.CreateLinkAsync(Mooring);
        Mooring.Time.Advance(TimeSpan.FromMinutes(31));

        using var response = await Mooring.Client.GetAsync(new Uri(link).PathAndQuery, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("expired");
    }

    [Fact]
    public async Task Reconnect_SameConnectionId_ReplacesTokensAndIsActiveAgain()
    {
        using var browser = new Browser(Mooring);
        var first = await browser.ConnectAsync("conn-re");
        var vault = Mooring.Get<IConnectionVault>();
        var (_, before) = (await vault.GetAsync(first.Id, Ct)).ShouldNotBeNull();

        var second = await browser.ConnectAsync("conn-re");

        var (after, credentials) = (await vault.GetAsync(first.Id, Ct)).ShouldNotBeNull();
        after.Version.ShouldBeGreaterThan(first.Version);
        credentials!.RefreshToken.ShouldNotBe(before!.RefreshToken);
        second.Status.ShouldBe(ConnectionStatus.Active);
    }
}
