using System.Net;
using System.Web;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Tests.Connections;

/// <summary>Attacks on the connect flow: each must fail with a page, store nothing, and where it matters ask the provider nothing.</summary>
public sealed class ConnectSecurityTests(IdentityProviderFixture fixture) : MooringTestBase(fixture)
{
    [Fact]
    public async Task Callback_ForgedState_RefusedWithoutExchangingTheCode()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync();
        var forged = WithQuery(callback, "state", Infrastructure.MooringTestHost.NewKey().Replace('+', '-').Replace('/', '_').TrimEnd('='));

        using var response = await browser.DeliverAsync(forged);

        await ShouldBeRefusedAsync(response, "expired or was already used");
        Idp.CodeRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Callback_Replayed_SecondIsRefused()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync();
        using var first = await browser.DeliverAsync(callback);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var second = await browser.DeliverAsync(callback);

        await ShouldBeRefusedAsync(second, "expired or was already used", expectConnections: 1);
        Idp.CodeRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Callback_AfterTenMinutes_Refused()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync();
        Mooring.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await browser.DeliverAsync(callback);

        await ShouldBeRefusedAsync(response, "expired or was already used");
        Idp.CodeRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Callback_InAnotherBrowser_Refused()
    {
        using var victim = new Browser(Mooring);
        using var attacker = new Browser(Mooring);
        var attackersCallback = await attacker.GetCallbackAsync();
        await victim.OpenLinkAsync(await Browser.CreateLinkAsync(Mooring)); // the victim has a cookie of their own

        using var withOtherCookie = await victim.DeliverAsync(attackersCallback);
        using var withoutCookie = await attacker.DeliverAsync(attackersCallback, cookie: "unrelated=1");

        await ShouldBeRefusedAsync(withOtherCookie, "started in another browser");
        await ShouldBeRefusedAsync(withoutCookie, "expired or was already used"); // the state was taken by the first try
        Idp.CodeRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Callback_CodeOfAnotherFlow_WrongPkceVerifierRejectedByProvider()
    {
        using var browser = new Browser(Mooring);
        var a = await browser.GetCallbackAsync();
        var b = await browser.GetCallbackAsync();
        var injected = WithQuery(b, "code", HttpUtility.ParseQueryString(a.Query)["code"]!);

        using var response = await browser.DeliverAsync(injected);

        await ShouldBeRefusedAsync(response, "did not accept the sign-in (invalid_grant)");
        Idp.CodeRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Callback_CodeReplayed_RefusedAndTheFirstGrantIsRevoked()
    {
        using var browser = new Browser(Mooring);
        var a = await browser.GetCallbackAsync("conn-a");
        (await browser.DeliverAsync(a)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var b = await browser.GetCallbackAsync("conn-b");
        var replay = WithQuery(b, "code", HttpUtility.ParseQueryString(a.Query)["code"]!);

        using var response = await browser.DeliverAsync(replay);

        await ShouldBeRefusedAsync(response, "invalid_grant", expectConnections: 1);
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        var refused = await Should.ThrowAsync<ConnectionNeedsReconnectException>(
            () => Mooring.Get<ITokenManager>().GetAccessTokenAsync(ConnectionId.Parse("conn-a"), Ct).AsTask());
        refused.Connection.Status.ShouldBe(ConnectionStatus.NeedsReconnect);
    }

    [Fact]
    public async Task Callback_IssuerAltered_Refused()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync();
        HttpUtility.ParseQueryString(callback.Query)["iss"].ShouldBe(Idp.Issuer.AbsoluteUri);

        using var response = await browser.DeliverAsync(WithQuery(callback, "iss", "https://evil.example/"));

        await ShouldBeRefusedAsync(response, "came from a different server");
        Idp.CodeRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Callback_IssuerMissingWhereAdvertised_Refused()
    {
        using var browser = new Browser(Mooring);
        var callback = await browser.GetCallbackAsync();

        using var response = await browser.DeliverAsync(WithQuery(callback, "iss", null));

        await ShouldBeRefusedAsync(response, "did not say which server sent it");
        Idp.CodeRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Start_RedirectUriNotRegistered_ProviderRefusesToRedirect()
    {
        await using var other = await MooringTestHost.StartAsync(Idp, settings: new() { ["Mooring:Connections:PublicBaseUrl"] = "http://elsewhere.test" });
        using var browser = new Browser(other);
        var authorize = await browser.OpenLinkAsync(await Browser.CreateLinkAsync(other));

        using var response = await browser.AuthorizeAsync(authorize);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    private async Task ShouldBeRefusedAsync(HttpResponseMessage response, string message, int expectConnections = 0)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(message);
        (await Mooring.Get<IConnectionManager>().ListAsync(new ConnectionQuery(), Ct)).Count.ShouldBe(expectConnections);
    }

    private static Uri WithQuery(Uri uri, string name, string? value)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        if (value is null)
        {
            query.Remove(name);
        }
        else
        {
            query[name] = value;
        }

        return new UriBuilder(uri) { Query = query.ToString() }.Uri;
    }
}
