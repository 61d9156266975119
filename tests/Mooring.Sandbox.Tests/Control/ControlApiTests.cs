using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.Control;

/// <summary>The HTTP face of SandboxControl, for tests written in other languages.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Tokens_Revoke_Consent_Clients_Options_Data_AllWorkOverHttp()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var issued = await sandbox.Http.PostAsJsonAsync("_sandbox/tokens", new { provider = "slack", scope = "chat:write" }, ct);
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync(ct))!["access_token"]!.GetValue<string>();
        (await Slack.SlackOAuthTests.Post(sandbox, "slack/api/auth.test", token, []))["ok"]!.GetValue<bool>().ShouldBeTrue();
        (await sandbox.Http.PostAsJsonAsync("_sandbox/revoke", new { provider = "slack", token }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Slack.SlackOAuthTests.Post(sandbox, "slack/api/auth.test", token, []))["error"]!.GetValue<string>().ShouldBe("token_revoked");

        (await sandbox.Http.PostAsJsonAsync("_sandbox/clients", new { provider = "oauth", clientId = "web", clientSecret = "s", redirectUris = new[] { "http://127.0.0.1/cb" } }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await sandbox.Http.PostAsJsonAsync("_sandbox/consent", new { provider = "oauth", deny = true }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await sandbox.AuthorizeAsync("oauth/authorize", new() { ["client_id"] = "web", ["redirect_uri"] = "http://127.0.0.1/cb" }))["error"].ShouldBe("access_denied");

        (await sandbox.Http.PutAsJsonAsync("_sandbox/options", new { accessTokenLifetimeSeconds = 30, rateLimitsEnabled = false }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        sandbox.Control.Options.AccessTokenLifetime.ShouldBe(TimeSpan.FromSeconds(30));
        sandbox.Control.Options.RateLimits.Enabled.ShouldBeFalse();

        var google = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var start = (await sandbox.GetJsonAsync("google/gmail/v1/users/me/profile", google))["historyId"]!.GetValue<string>();
        (await sandbox.Http.PostAsJsonAsync("_sandbox/data/advance", new { changes = 4 }, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await sandbox.GetJsonAsync($"google/gmail/v1/users/me/history?startHistoryId={start}", google))["history"]!.AsArray().Count.ShouldBe(4);
        (await sandbox.Http.PostAsync("_sandbox/data/expire-sync-tokens", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await sandbox.SendAsync(HttpMethod.Get, $"google/gmail/v1/users/me/history?startHistoryId={start}", google)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
