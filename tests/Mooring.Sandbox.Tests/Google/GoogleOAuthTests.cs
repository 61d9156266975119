using System.Net;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.Google;

public sealed class GoogleOAuthTests
{
    private const string Redirect = "http://127.0.0.1:7777/oauth/google";

    [Fact]
    public async Task OAuthFlow_OfflineFirstConsent_RefreshWithoutRotation_RevokeThenInvalidGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (verifier, challenge) = TestSandbox.NewPkce();
        var code = await Code(sandbox, challenge, prompt: null);

        var tokens = await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier });
        tokens["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        tokens["expires_in"]!.GetValue<int>().ShouldBe(3599);
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        var refreshed = await Token(sandbox, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        refreshed.ContainsKey("refresh_token").ShouldBeFalse();
        var again = await Token(sandbox, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        again["access_token"].ShouldNotBeNull();

        using var revoke = await sandbox.PostFormAsync("google/revoke", new() { ["token"] = again["access_token"]!.GetValue<string>() });
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var dead = await sandbox.PostFormAsync("google/token", Client(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }));
        dead.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await dead.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        error["error"]!.GetValue<string>().ShouldBe("invalid_grant");
        error["error_description"]!.GetValue<string>().ShouldBe("Token has been expired or revoked.");
    }

    [Fact]
    public async Task Token_SecondConsentWithoutPrompt_HasNoRefreshToken_PromptConsentHasOne()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (verifier, challenge) = TestSandbox.NewPkce();
        (await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = await Code(sandbox, challenge, null), ["redirect_uri"] = Redirect, ["code_verifier"] = verifier })).ContainsKey("refresh_token").ShouldBeTrue();
        (await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = await Code(sandbox, challenge, null), ["redirect_uri"] = Redirect, ["code_verifier"] = verifier })).ContainsKey("refresh_token").ShouldBeFalse();
        (await Token(sandbox, new() { ["grant_type"] = "authorization_code", ["code"] = await Code(sandbox, challenge, "consent"), ["redirect_uri"] = Redirect, ["code_verifier"] = verifier })).ContainsKey("refresh_token").ShouldBeTrue();
    }

    [Fact]
    public async Task Token_WrongVerifier_InvalidGrant()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, challenge) = TestSandbox.NewPkce();
        using var response = await sandbox.PostFormAsync("google/token", Client(new() { ["grant_type"] = "authorization_code", ["code"] = await Code(sandbox, challenge, null), ["redirect_uri"] = Redirect, ["code_verifier"] = TestSandbox.NewPkce().Verifier }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("invalid_grant");
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirect_Shows400InsteadOfRedirecting()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.RegisterClient(SandboxProvider.Google, "strict", "s3cret", Redirect);
        using var response = await sandbox.Http.GetAsync($"google/o/oauth2/v2/auth?client_id=strict&redirect_uri={Uri.EscapeDataString(Redirect + "/evil")}&response_type=code&scope=email", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    private static async Task<string> Code(TestSandbox sandbox, string challenge, string? prompt)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect, ["response_type"] = "code", ["access_type"] = "offline",
            ["scope"] = "https://www.googleapis.com/auth/gmail.readonly", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        };
        if (prompt is not null)
        {
            query["prompt"] = prompt;
        }

        return (await sandbox.AuthorizeAsync("google/o/oauth2/v2/auth", query))["code"];
    }

    private static async Task<JsonObject> Token(TestSandbox sandbox, Dictionary<string, string> form)
    {
        using var response = await sandbox.PostFormAsync("google/token", Client(form));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Dictionary<string, string> Client(Dictionary<string, string> form)
    {
        form["client_id"] = "sandbox-client";
        form["client_secret"] = "sandbox-secret";
        return form;
    }
}
