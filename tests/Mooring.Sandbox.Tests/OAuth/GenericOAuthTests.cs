using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.OAuth;

public sealed class GenericOAuthTests
{
    private const string Redirect = "http://127.0.0.1:5555/cb";

    [Fact]
    public async Task Discovery_BothDocuments_PointAtTheServersEndpoints()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        foreach (var path in (string[])["oauth/.well-known/openid-configuration", "oauth/.well-known/oauth-authorization-server"])
        {
            var doc = JsonNode.Parse(await sandbox.Http.GetStringAsync(path, TestContext.Current.CancellationToken))!;
            var issuer = doc["issuer"]!.GetValue<string>();
            issuer.ShouldBe(new Uri(sandbox.Host.BaseAddress, "oauth").ToString());
            doc["token_endpoint"]!.GetValue<string>().ShouldBe(issuer + "/token");
            doc["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldContain("S256");
        }
    }

    [Fact]
    public async Task PublicClient_FlowWithPkceAndBasicAuth_RotationRevocationInvalidGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.RegisterClient(SandboxProvider.OAuth, "spa", null, Redirect);

        var noPkce = await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "spa", ["redirect_uri"] = Redirect, ["response_type"] = "code" });
        noPkce["error"].ShouldBe("invalid_request");

        var (verifier, challenge) = TestSandbox.NewPkce();
        var code = (await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "spa", ["redirect_uri"] = Redirect, ["response_type"] = "code", ["scope"] = "openid offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256" }))["code"];
        var tokens = await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier, ["client_id"] = "spa" });
        var rotated = await Token(sandbox, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(), ["client_id"] = "spa" });
        rotated["refresh_token"]!.GetValue<string>().ShouldNotBe(tokens["refresh_token"]!.GetValue<string>());

        using var revoke = await sandbox.PostFormAsync("oauth/revoke", new() { ["token"] = rotated["refresh_token"]!.GetValue<string>(), ["client_id"] = "spa" });
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var unknown = await sandbox.PostFormAsync("oauth/revoke", new() { ["token"] = "never-issued", ["client_id"] = "spa" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "oauth/userinfo");
        userinfo.Headers.Authorization = new("Bearer", rotated["access_token"]!.GetValue<string>());
        (await sandbox.Http.SendAsync(userinfo, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var dead = await sandbox.PostFormAsync("oauth/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = rotated["refresh_token"]!.GetValue<string>(), ["client_id"] = "spa" });
        dead.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dead.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"invalid_grant\"");
    }

    [Fact]
    public async Task Code_AfterItsLifetime_IsInvalidGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var code = (await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["response_type"] = "code" }))["code"];
        sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client:sandbox-secret")));
        using var response = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("invalid_grant");
    }

    [Fact]
    public async Task ClientCredentials_ConfidentialClient_GetsAnAccessTokenWithoutRefresh_PublicClientDoesNot()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var tokens = await Token(sandbox, new() { ["grant_type"] = "client_credentials", ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret", ["scope"] = "reports:read" });
        tokens["scope"]!.GetValue<string>().ShouldBe("reports:read");
        tokens.ContainsKey("refresh_token").ShouldBeFalse();
        var info = await sandbox.GetJsonAsync("oauth/userinfo", tokens["access_token"]!.GetValue<string>());
        info["sub"]!.GetValue<string>().ShouldBe("sandbox-client");

        sandbox.Control.RegisterClient(SandboxProvider.OAuth, "spa", null);
        using var denied = await sandbox.PostFormAsync("oauth/token", new() { ["grant_type"] = "client_credentials", ["client_id"] = "spa" });
        denied.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_AfterRefreshTokenLifetime_IsInvalidGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RefreshTokenLifetime = TimeSpan.FromDays(30));
        var code = (await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["response_type"] = "code" }))["code"];
        var tokens = await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret" });
        var refresh = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(), ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret" };

        sandbox.Time.Advance(TimeSpan.FromDays(30));
        using var expired = await sandbox.PostFormAsync("oauth/token", refresh);
        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"invalid_grant\"");
    }

    [Fact]
    public async Task Refresh_ConcurrentWithOneRotatingToken_ExactlyOneWins_ReuseRevokesTheGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var code = (await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["response_type"] = "code" }))["code"];
        var tokens = await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret" });
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(), ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sandbox.PostFormAsync("oauth/token", form)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(5);
        var winner = JsonNode.Parse(await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        using var userinfo = await sandbox.SendAsync(HttpMethod.Get, "oauth/userinfo", winner["access_token"]!.GetValue<string>());
        userinfo.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Token_WrongSecret_Answers401InvalidClient()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.PostFormAsync("oauth/token", new() { ["grant_type"] = "authorization_code", ["code"] = "x", ["client_id"] = "sandbox-client", ["client_secret"] = "wrong" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("invalid_client");
    }

    private static async Task<JsonObject> Token(TestSandbox sandbox, Dictionary<string, string> form)
    {
        using var response = await sandbox.PostFormAsync("oauth/token", form);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return JsonNode.Parse(text)!.AsObject();
    }
}
