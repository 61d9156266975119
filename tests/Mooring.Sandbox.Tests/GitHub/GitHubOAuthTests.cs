using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Mooring.Sandbox.Tests.GitHub;

public sealed class GitHubOAuthTests
{
    private const string Redirect = "http://127.0.0.1:9999/callback";

    [Fact]
    public async Task OAuthFlow_EndToEnd_FormEncodedByDefaultJsonOnRequest()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (verifier, challenge) = TestSandbox.NewPkce();
        var code = (await sandbox.AuthorizeAsync("github/login/oauth/authorize", new()
        {
            ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["scope"] = "repo read:user", ["state"] = "st",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }))["code"];

        using var form = await sandbox.PostFormAsync("github/login/oauth/access_token", Body(new() { ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier }));
        form.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-www-form-urlencoded");
        var fields = QueryHelpers.ParseQuery(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        fields["access_token"].ToString().ShouldStartWith("gho_");
        fields["scope"].ToString().ShouldBe("repo,read:user");
        fields["token_type"].ToString().ShouldBe("bearer");
        var refresh = fields["refresh_token"].ToString();
        refresh.ShouldStartWith("ghr_");

        using var json = await sandbox.PostFormAsync("github/login/oauth/access_token", Body(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }), "application/json");
        var rotated = JsonNode.Parse(await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        rotated["expires_in"]!.GetValue<int>().ShouldBe(28800);
        var access = rotated["access_token"]!.GetValue<string>();

        using var reuse = await sandbox.PostFormAsync("github/login/oauth/access_token", Body(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }), "application/json");
        reuse.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await reuse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!.GetValue<string>().ShouldBe("bad_refresh_token");
        _ = access;
    }

    [Fact]
    public async Task DeleteGrant_WithClientCredentials_RevokesTokenAndRefresh()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub, "repo");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "github/applications/sandbox-client/grant")
        {
            Content = new StringContent($"{{\"access_token\":\"{token.AccessToken}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client:sandbox-secret")));
        using var deleted = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var api = await GitHubApiTests.Get(sandbox, "github/user", token.AccessToken);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var refresh = await sandbox.PostFormAsync("github/login/oauth/access_token", Body(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token.RefreshToken }));
        (await refresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("error=bad_refresh_token");
    }

    [Fact]
    public async Task AccessToken_BadCode_AnswersHttp200WithBadVerificationCode()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.PostFormAsync("github/login/oauth/access_token", Body(new() { ["code"] = "nope" }), "application/json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!.GetValue<string>().ShouldBe("bad_verification_code");
    }

    private static Dictionary<string, string> Body(Dictionary<string, string> fields)
    {
        fields["client_id"] = "sandbox-client";
        fields["client_secret"] = "sandbox-secret";
        return fields;
    }
}
