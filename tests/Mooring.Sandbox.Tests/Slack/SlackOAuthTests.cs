using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.Slack;

public sealed class SlackOAuthTests
{
    private const string Redirect = "https://app.example/callback/slack";

    [Fact]
    public async Task OAuthFlow_CodeRefreshRotationRevoke_BehavesLikeSlack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (verifier, challenge) = TestSandbox.NewPkce();
        var redirect = await sandbox.AuthorizeAsync("slack/oauth/v2/authorize", new()
        {
            ["client_id"] = "sandbox-client", ["scope"] = "chat:write,channels:read", ["user_scope"] = "search:read",
            ["redirect_uri"] = Redirect, ["state"] = "s1", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        redirect["state"].ShouldBe("s1");

        var tokens = await Access(sandbox, new() { ["code"] = redirect["code"], ["redirect_uri"] = Redirect, ["code_verifier"] = verifier });
        tokens["ok"]!.GetValue<bool>().ShouldBeTrue();
        tokens["token_type"]!.GetValue<string>().ShouldBe("bot");
        tokens["access_token"]!.GetValue<string>().ShouldStartWith("xoxe.xoxb-");
        tokens["expires_in"]!.GetValue<int>().ShouldBe(43200);
        tokens["scope"]!.GetValue<string>().ShouldBe("chat:write,channels:read");
        tokens["authed_user"]!["access_token"]!.GetValue<string>().ShouldStartWith("xoxe.xoxp-");
        tokens["authed_user"]!["scope"]!.GetValue<string>().ShouldBe("search:read");
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        var rotated = await Access(sandbox, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        rotated["ok"]!.GetValue<bool>().ShouldBeTrue();
        var newRefresh = rotated["refresh_token"]!.GetValue<string>();
        newRefresh.ShouldNotBe(refresh);

        var old = await Access(sandbox, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        old["error"]!.GetValue<string>().ShouldBe("invalid_refresh_token");

        // A replayed code is refused, and (RFC 6749 section 4.1.2) what was issued from it is revoked.
        var replay = await Access(sandbox, new() { ["code"] = redirect["code"], ["redirect_uri"] = Redirect, ["code_verifier"] = verifier });
        replay["ok"]!.GetValue<bool>().ShouldBeFalse();
        replay["error"]!.GetValue<string>().ShouldBe("invalid_code");
        var afterReplay = await Post(sandbox, "slack/api/auth.test", rotated["access_token"]!.GetValue<string>(), []);
        afterReplay["error"]!.GetValue<string>().ShouldBe("token_revoked");
    }

    [Fact]
    public async Task Access_WrongVerifierOrRedirect_IsRejectedWithHttp200()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, challenge) = TestSandbox.NewPkce();
        var redirect = await sandbox.AuthorizeAsync("slack/oauth/v2/authorize", new()
        {
            ["client_id"] = "sandbox-client", ["scope"] = "chat:write", ["redirect_uri"] = Redirect, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

        var wrongRedirect = await Access(sandbox, new() { ["code"] = redirect["code"], ["redirect_uri"] = Redirect + "/x", ["code_verifier"] = TestSandbox.NewPkce().Verifier });
        wrongRedirect["error"]!.GetValue<string>().ShouldBe("bad_redirect_uri");
    }

    [Fact]
    public async Task Authorize_DenyRequested_RedirectsWithAccessDenied()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.DenyConsent(SandboxProvider.Slack);
        var redirect = await sandbox.AuthorizeAsync("slack/oauth/v2/authorize", new() { ["client_id"] = "sandbox-client", ["scope"] = "chat:write", ["redirect_uri"] = Redirect, ["state"] = "x" });
        redirect["error"].ShouldBe("access_denied");
        redirect.ShouldNotContainKey("code");
    }

    [Fact]
    public async Task AuthRevoke_ThenApiCall_AnswersTokenRevoked()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack, "chat:write").AccessToken;
        var revoke = await Post(sandbox, "slack/api/auth.revoke", token, []);
        revoke["revoked"]!.GetValue<bool>().ShouldBeTrue();

        var after = await Post(sandbox, "slack/api/conversations.list", token, []);
        after["ok"]!.GetValue<bool>().ShouldBeFalse();
        after["error"]!.GetValue<string>().ShouldBe("token_revoked");
    }

    [Fact]
    public async Task ApiCall_AfterTokenLifetime_AnswersTokenExpired()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5));
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        var after = await Post(sandbox, "slack/api/conversations.list", token, []);
        after["error"]!.GetValue<string>().ShouldBe("token_expired");
    }

    internal static async Task<JsonObject> Post(TestSandbox sandbox, string path, string? token, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }

    private static async Task<JsonObject> Access(TestSandbox sandbox, Dictionary<string, string> form)
    {
        form["client_id"] = "sandbox-client";
        form["client_secret"] = "sandbox-secret";
        return await Post(sandbox, "slack/api/oauth.v2.access", null, form);
    }
}
