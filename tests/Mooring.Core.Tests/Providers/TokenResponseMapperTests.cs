using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Providers.Slack;
using Mooring.Providers.TokenResponses;

namespace Mooring.Core.Tests.Providers;

public sealed class TokenResponseMapperTests
{
    private static MappedTokenResponse Map(string provider, int status, string json, params (string Key, string? Value)[] settings)
    {
        using var services = CatalogFactory.Services(CatalogFactory.Configuration(settings));
        var definition = services.GetRequiredService<IProviderCatalog>().Get(ProviderKey.Parse(provider));
        var mapper = services.GetRequiredService<TokenResponseMappers>().For(definition);
        using var body = JsonDocument.Parse(json);
        return mapper.Map(definition, status, body.RootElement);
    }

    [Fact]
    public void Slack_OkFalseWithStatus200_IsAnError()
    {
        var result = Map("slack", 200, """{"ok": false, "error": "invalid_code"}""");

        result.IsSuccess.ShouldBeFalse();
        result.Error.ShouldBe("invalid_code");
    }

    [Fact]
    public void Slack_BotAndUserInstall_ReadsBothTokensWithCommaSeparatedScopes()
    {
        // The example response of https://docs.slack.dev/reference/methods/oauth.v2.access.
        var result = Map("slack", 200, """
            {
              "ok": true, "access_token": "xoxb-17653672481", "token_type": "bot", "scope": "commands,incoming-webhook",
              "bot_user_id": "U0KRQLJ9H", "app_id": "A0KRD7HC3", "team": {"name": "Slack Softball Team", "id": "T9TK3CUKW"},
              "authed_user": {"id": "U1234", "scope": "chat:write", "access_token": "xoxp-1234", "token_type": "user"}
            }
            """);

        result.IsSuccess.ShouldBeTrue();
        result.Token!.AccessToken.ShouldBe("xoxb-17653672481");
        result.Token.TokenType.ShouldBe("bot");
        result.Token.Scopes.ShouldBe(["commands", "incoming-webhook"]);
        result.UserToken!.AccessToken.ShouldBe("xoxp-1234");
        result.UserToken.Scopes.ShouldBe(["chat:write"]);
    }

    [Fact]
    public void Slack_Install_KeepsTheWorkspaceAsMetadata_AndNoTokenInIt()
    {
        var result = Map("slack", 200, """
            {"ok": true, "access_token": "xoxb-1", "token_type": "bot", "bot_user_id": "U0KRQLJ9H", "app_id": "A0KRD7HC3",
             "team": {"name": "Softball", "id": "T9TK3CUKW"}, "enterprise": null}
            """);

        result.Metadata.ShouldBe(new Dictionary<string, string>
        {
            ["team_id"] = "T9TK3CUKW", ["team_name"] = "Softball", ["bot_user_id"] = "U0KRQLJ9H", ["app_id"] = "A0KRD7HC3",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Metadata_FromConfiguration_ReadsNumbersAsText()
    {
        var result = Map("github", 200, """{"access_token": "gho_1", "token_type": "bearer", "scope": "repo", "account": {"id": 42}}""",
            ("Mooring:Providers:github:oauth2:tokenResponse:metadata:account_id", "/account/id"));

        result.Metadata.ShouldBe(new Dictionary<string, string> { ["account_id"] = "42" });
    }

    [Fact]
    public void Slack_UserScopesOnly_UsesTheUserTokenAsTheConnectionToken()
    {
        var result = Map("slack", 200, """
            {"ok": true, "app_id": "A0KRD7HC3", "team": {"id": "T9TK3CUKW"},
             "authed_user": {"id": "U1234", "scope": "search:read", "access_token": "xoxp-1234", "token_type": "user",
                             "refresh_token": "xoxe-1-abc", "expires_in": 43200}}
            """);

        result.IsSuccess.ShouldBeTrue();
        result.Token!.AccessToken.ShouldBe("xoxp-1234");
        result.Token.RefreshToken.ShouldBe("xoxe-1-abc");
        result.Token.ExpiresIn.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public void Slack_QuirkApplies_ToProvidersBasedOnSlack()
    {
        using var services = CatalogFactory.Services(CatalogFactory.Configuration(
            ("Mooring:Providers:slack-sandbox:basedOn", "slack"),
            ("Mooring:Providers:slack-sandbox:apiBaseUrl", "http://127.0.0.1:5005/api/")));
        var catalog = services.GetRequiredService<IProviderCatalog>();
        var mappers = services.GetRequiredService<TokenResponseMappers>();

        mappers.For(catalog.Get(ProviderKey.Parse("slack-sandbox"))).ShouldBeOfType<SlackTokenResponseMapper>();
        mappers.For(catalog.Get(ProviderKey.Parse("github"))).ShouldBeOfType<JsonTokenResponseMapper>();
    }

    [Fact]
    public void GitHub_ErrorWithStatus200_IsAnErrorWithItsDescription()
    {
        var result = Map("github", 200, """
            {"error": "bad_verification_code", "error_description": "The code passed is incorrect or expired.",
             "error_uri": "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}
            """);

        result.Error.ShouldBe("bad_verification_code");
        result.ErrorDescription.ShouldBe("The code passed is incorrect or expired.");
    }

    [Fact]
    public void GitHub_Success_SplitsScopesOnCommas()
    {
        var result = Map("github", 200, """{"access_token": "gho_16C7e42F292c6912E7710c838347Ae178B4a", "scope": "repo,gist", "token_type": "bearer"}""");

        result.Token!.Scopes.ShouldBe(["repo", "gist"]);
        result.Token.RefreshToken.ShouldBeNull();
    }

    [Fact]
    public void Google_Rfc6749Responses_AreReadByDefault()
    {
        var ok = Map("google-mail", 200, """
            {"access_token": "ya29.a0", "expires_in": 3599, "refresh_token": "1//0g", "token_type": "Bearer",
             "scope": "https://www.googleapis.com/auth/gmail.send openid"}
            """);
        var revoked = Map("google-mail", 400, """{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}""");

        ok.Token!.ExpiresIn.ShouldBe(TimeSpan.FromSeconds(3599));
        ok.Token.Scopes.ShouldBe(["https://www.googleapis.com/auth/gmail.send", "openid"]);
        revoked.Error.ShouldBe("invalid_grant");
        revoked.ErrorDescription.ShouldBe("Token has been expired or revoked.");
    }

    [Fact]
    public void Default_ServerErrorWithoutBody_IsAnHttpError()
    {
        Map("google", 503, "{}").Error.ShouldBe("http_503");
        Map("google", 200, "{}").Error.ShouldBe("invalid_token_response");
    }

    [Fact]
    public void ProviderToken_ToString_NeverShowsTheTokens()
    {
        var token = new ProviderToken { AccessToken = "xoxb-secret", RefreshToken = "xoxe-secret", TokenType = "bot" };

        token.ToString().ShouldNotContain("secret");
        new MappedTokenResponse { Token = token }.ToString().ShouldNotContain("secret");
    }
}
