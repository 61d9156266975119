using System.Net;

namespace Mooring.Sandbox.Tests.Stripe;

public sealed class StripeConnectTests
{
    private const string Redirect = "https://platform.example/stripe/callback";

    [Fact]
    public async Task ConnectFlow_CodeTokenApiRefreshDeauthorize_BehavesLikeConnectStripeCom()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var redirect = await sandbox.AuthorizeAsync("stripe/connect/oauth/authorize", new()
        {
            ["response_type"] = "code", ["client_id"] = "sandbox-client", ["scope"] = "read_write", ["redirect_uri"] = Redirect, ["state"] = "z",
        });
        redirect["scope"].ShouldBe("read_write");

        var platformKey = sandbox.Control.Options.StripeApiKey;
        using var token = await sandbox.PostFormAsync("stripe/connect/oauth/token", new() { ["grant_type"] = "authorization_code", ["code"] = redirect["code"], ["client_secret"] = platformKey, ["redirect_uri"] = Redirect });
        var body = await StripeApiTests.Json(token);
        var access = body["access_token"]!.GetValue<string>();
        access.ShouldStartWith("sk_test_");
        body["stripe_user_id"]!.GetValue<string>().ShouldStartWith("acct_");
        body["stripe_publishable_key"]!.GetValue<string>().ShouldStartWith("pk_test_");
        body["token_type"]!.GetValue<string>().ShouldBe("bearer");
        body.ContainsKey("expires_in").ShouldBeFalse();

        sandbox.Time.Advance(TimeSpan.FromDays(400));
        (await StripeApiTests.Get(sandbox, "stripe/v1/customers", access)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var replay = await sandbox.PostFormAsync("stripe/connect/oauth/token", new() { ["grant_type"] = "authorization_code", ["code"] = redirect["code"], ["client_secret"] = platformKey, ["redirect_uri"] = Redirect });
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StripeApiTests.Json(replay))["error"]!.GetValue<string>().ShouldBe("invalid_grant");
        (await StripeApiTests.Get(sandbox, "stripe/v1/customers", access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deauthorize_RevokesTheConnectedAccountsKey()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var redirect = await sandbox.AuthorizeAsync("stripe/connect/oauth/authorize", new() { ["response_type"] = "code", ["client_id"] = "sandbox-client", ["redirect_uri"] = Redirect });
        var platformKey = sandbox.Control.Options.StripeApiKey;
        var body = await StripeApiTests.Json(await sandbox.PostFormAsync("stripe/connect/oauth/token", new() { ["grant_type"] = "authorization_code", ["code"] = redirect["code"], ["client_secret"] = platformKey, ["redirect_uri"] = Redirect }));
        var account = body["stripe_user_id"]!.GetValue<string>();

        var refreshed = await StripeApiTests.Json(await sandbox.PostFormAsync("stripe/connect/oauth/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = body["refresh_token"]!.GetValue<string>(), ["client_secret"] = platformKey }));
        var access = refreshed["access_token"]!.GetValue<string>();

        using var deauth = await sandbox.PostFormAsync("stripe/connect/oauth/deauthorize", new() { ["client_id"] = "sandbox-client", ["stripe_user_id"] = account, ["client_secret"] = platformKey });
        (await StripeApiTests.Json(deauth))["stripe_user_id"]!.GetValue<string>().ShouldBe(account);
        (await StripeApiTests.Get(sandbox, "stripe/v1/customers", access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var refreshAgain = await sandbox.PostFormAsync("stripe/connect/oauth/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshed["refresh_token"]!.GetValue<string>(), ["client_secret"] = platformKey });
        (await StripeApiTests.Json(refreshAgain))["error"]!.GetValue<string>().ShouldBe("invalid_grant");
    }
}
