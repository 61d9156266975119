using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack OAuth v2: <c>/oauth/v2/authorize</c>, <c>/api/oauth.v2.access</c> (code and refresh), <c>/api/auth.revoke</c>, <c>/api/auth.test</c>.</summary>
internal static class SlackOAuthEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/oauth/v2/authorize", (HttpRequest request) =>
            OAuthResults.Authorize(state.OAuth.Authorize(SandboxProvider.Slack, AuthorizeRequest.Read(request, ","), true, SlackWorkspace.DefaultUser)))
            .Named("oauth.v2.authorize");

        group.MapPost("/api/oauth.v2.access", async (HttpRequest request, CancellationToken ct) =>
        {
            var tokenRequest = await TokenRequest.ReadAsync(request, ct).ConfigureAwait(false);
            var outcome = tokenRequest.GrantType == "refresh_token"
                ? state.OAuth.Refresh(SandboxProvider.Slack, tokenRequest)
                : tokenRequest.GrantType is null or "authorization_code"
                    ? state.OAuth.Exchange(SandboxProvider.Slack, tokenRequest)
                    : new OAuthFailure(FailureReason.UnsupportedGrantType, "invalid_grant_type");
            return outcome.Result is { } result ? SlackResults.Ok(Success(result)) : SlackResults.Error(ErrorCode(state, tokenRequest, outcome.Failure!));
        }).Named("oauth.v2.access");

        group.MapMethods("/api/auth.revoke", ["GET", "POST"], async (HttpRequest request, CancellationToken ct) =>
        {
            var args = await SlackArgs.ReadAsync(request, ct).ConfigureAwait(false);
            if (SlackResults.AuthError(state.Tokens, args.Token) is { } error)
            {
                return SlackResults.Error(error);
            }

            var test = args["test"] is "true" or "1";
            return SlackResults.Ok(new JsonObject { ["revoked"] = !test && state.Tokens.Revoke(SandboxProvider.Slack, args.Token) });
        }).Named("auth.revoke");

        group.MapMethods("/api/auth.test", ["GET", "POST"], async (HttpRequest request, CancellationToken ct) =>
        {
            var args = await SlackArgs.ReadAsync(request, ct).ConfigureAwait(false);
            var check = state.Tokens.Check(SandboxProvider.Slack, args.Token);
            if (SlackResults.AuthError(state.Tokens, args.Token) is { } error)
            {
                return SlackResults.Error(error);
            }

            var bot = check.Token!.Kind != TokenKind.UserAccess;
            return SlackResults.Ok(new JsonObject
            {
                ["url"] = "https://mooring-sandbox.slack.com/",
                ["team"] = SlackWorkspace.TeamName,
                ["user"] = bot ? "sandbox_bot" : "sandbox_user",
                ["team_id"] = SlackWorkspace.TeamId,
                ["user_id"] = bot ? SlackWorkspace.BotUserId : check.Token.Grant.User,
                ["bot_id"] = bot ? SlackWorkspace.BotId : null,
                ["is_enterprise_install"] = false,
            });
        }).Named("auth.test");
    }

    private static JsonObject Success(TokenGrantResult result)
    {
        var body = new JsonObject
        {
            ["app_id"] = SlackWorkspace.AppId,
            ["authed_user"] = new JsonObject { ["id"] = result.Grant.User },
            ["scope"] = result.Grant.Scope.Replace(' ', ','),
            ["token_type"] = "bot",
            ["access_token"] = result.Access.Value,
            ["bot_user_id"] = SlackWorkspace.BotUserId,
            ["team"] = new JsonObject { ["id"] = SlackWorkspace.TeamId, ["name"] = SlackWorkspace.TeamName },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
        };
        if (result.Refresh is { } refresh)
        {
            body["refresh_token"] = refresh.Value;
            body["expires_in"] = result.Access.ExpiresIn;
        }

        if (result.UserAccess is { } user)
        {
            var authed = (JsonObject)body["authed_user"]!;
            authed["scope"] = result.UserScope;
            authed["access_token"] = user.Value;
            authed["token_type"] = "user";
        }

        return body;
    }

    private static string ErrorCode(SandboxState state, TokenRequest request, OAuthFailure failure) => failure.Reason switch
    {
        FailureReason.InvalidClient => state.OAuth.Clients.Find(SandboxProvider.Slack, request.ClientId) is null ? "invalid_client_id" : "bad_client_secret",
        FailureReason.RedirectMismatch => "bad_redirect_uri",
        FailureReason.BadRefreshToken => "invalid_refresh_token",
        FailureReason.UnsupportedGrantType => "invalid_grant_type",
        FailureReason.BadVerifier => "invalid_code_verifier",
        _ => "invalid_code",
    };
}
