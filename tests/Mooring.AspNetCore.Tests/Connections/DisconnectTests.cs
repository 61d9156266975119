using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Connections;

public sealed class DisconnectTests(IdentityProviderFixture fixture) : MooringTestBase(fixture)
{
    [Fact]
    public async Task Delete_OAuthConnection_RevokesAtProviderThenDeletes()
    {
        using var browser = new Browser(Mooring);
        var connection = await browser.ConnectAsync("conn-d");
        var (_, credentials) = (await Mooring.Get<IConnectionVault>().GetAsync(connection.Id, Ct)).ShouldNotBeNull();

        using var response = await Mooring.Client.DeleteAsync("/api/connections/conn-d", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("revoked").GetBoolean().ShouldBeTrue();
        Idp.RevocationRequests.ShouldBe(2); // refresh token, then access token
        (await Mooring.Get<IConnectionManager>().GetAsync(connection.Id, Ct)).ShouldBeNull();
        Mooring.RaisedEvents.ShouldContain(e => e.Kind == ConnectionEventKind.Disconnected);
        using var http = new HttpClient();
        var refresh = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = new Uri(Idp.Issuer, "connect/token").AbsoluteUri,
            ClientId = TestIdentityProvider.ClientId,
            ClientSecret = TestIdentityProvider.ClientSecret,
            RefreshToken = credentials!.RefreshToken!,
        }, Ct);
        refresh.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Delete_ProviderDown_DeletedLocallyAndFailureReported()
    {
        using var browser = new Browser(Mooring);
        var connection = await browser.ConnectAsync("conn-down");
        Idp.FailRevocations = true;

        var result = await Mooring.Get<IConnectionManager>().DisconnectAsync(connection.Id, Ct);

        result.Deleted.ShouldBeTrue();
        result.Revoked.ShouldBeFalse();
        result.RevocationError.ShouldNotBeNullOrEmpty();
        (await Mooring.Get<IConnectionManager>().GetAsync(connection.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_Unknown_NotFound()
    {
        using var response = await Mooring.Client.DeleteAsync("/api/connections/nope", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ApiKeyConnection_StoredEncryptedAndNeverReturned()
    {
        using var response = await Mooring.Client.PostAsJsonAsync("/api/connections",
            new { provider = "stripe", authMode = "api_key", id = "stripe-1", endUserRef = "u9", apiKey = "rk_test_secret_value_123" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldNotContain("rk_test_secret_value_123");
        text.ShouldContain("\"authMode\":\"api_key\"");
        var (_, credentials) = (await Mooring.Get<IConnectionVault>().GetAsync(ConnectionId.Parse("stripe-1"), Ct)).ShouldNotBeNull();
        credentials!.ApiKey.ShouldBe("rk_test_secret_value_123");
        using var list = await Mooring.Client.GetAsync("/api/connections?endUser=u9", Ct);
        (await list.Content.ReadAsStringAsync(Ct)).ShouldContain("stripe-1");
    }

    [Fact]
    public async Task Post_AuthModeTheProviderDoesNotTake_BadRequestNamingIt()
    {
        using var response = await Mooring.Client.PostAsJsonAsync("/api/connections",
            new { provider = "slack", authMode = "api_key", apiKey = "xoxb-1" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Slack does not accept ApiKey");
    }

    [Fact]
    public async Task ClientCredentials_TokenCachedUntilDue()
    {
        var manager = Mooring.Get<IConnectionManager>();
        var connection = await manager.CreateAsync(new CreateConnectionRequest
        {
            Provider = ProviderKey.Parse("idp"),
            AuthMode = AuthMode.OAuth2ClientCredentials,
            Scopes = ["api"],
        }, Ct);
        var tokens = Mooring.Get<ITokenManager>();

        var first = await tokens.GetAccessTokenAsync(connection.Id, Ct);
        var second = await tokens.GetAccessTokenAsync(connection.Id, Ct);
        Idp.ClientCredentialsRequests.ShouldBe(1);
        second.Value.ShouldBe(first.Value);
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        var third = await tokens.GetAccessTokenAsync(connection.Id, Ct);

        Idp.ClientCredentialsRequests.ShouldBe(2);
        third.Value.ShouldNotBe(first.Value);
    }
}
