using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Google;

/// <summary>
/// Google OAuth 2.0: <c>/o/oauth2/v2/auth</c> (a refresh token only with access_type=offline, and only on first consent
/// unless prompt=consent), <c>/token</c> (no refresh-token rotation), <c>/revoke</c> (revokes the whole grant) and userinfo.
/// </summary>
internal static class GoogleOAuthEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/o/oauth2/v2/auth", (HttpRequest request) =>
        {
            var authorize = AuthorizeRequest.Read(request);
            var user = string.IsNullOrEmpty(authorize.LoginHint) ? GoogleAccount.Email : authorize.LoginHint;
            var offline = authorize.AccessType == "offline"
                && ((authorize.Prompt?.Split(' ').Contains("consent") ?? false) | state.Google.FirstConsent(authorize.ClientId ?? string.Empty, user));
            return OAuthResults.Authorize(state.OAuth.Authorize(SandboxProvider.Google, authorize, offline, GoogleAccount.Email));
        }).Named("oauth.authorize");

        group.MapPost("/token", async (HttpContext context) =>
        {
            var request = await TokenRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var outcome = request.GrantType switch
            {
                "authorization_code" => state.OAuth.Exchange(SandboxProvider.Google, request),
                "refresh_token" => state.OAuth.Refresh(SandboxProvider.Google, request, rotate: false),
                _ => new OAuthFailure(FailureReason.UnsupportedGrantType, "Invalid grant_type: " + request.GrantType),
            };
            if (outcome.Failure is { } failure)
            {
                var (status, error, description) = failure.Reason switch
                {
                    FailureReason.InvalidClient => (401, "invalid_client", "Unauthorized"),
                    FailureReason.RedirectMismatch => (400, "redirect_uri_mismatch", "Bad Request"),
                    FailureReason.BadVerifier => (400, "invalid_grant", "Invalid code verifier."),
                    FailureReason.BadRefreshToken => (400, "invalid_grant", "Token has been expired or revoked."),
                    FailureReason.UnsupportedGrantType => (400, "unsupported_grant_type", failure.Description),
                    _ => (400, "invalid_grant", "Bad Request"),
                };
                return SandboxResults.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);
            }

            var result = outcome.Result!;
            var body = new JsonObject
            {
                ["access_token"] = result.Access.Value,
                ["expires_in"] = result.Access.ExpiresIn - 1,
                ["scope"] = result.Grant.Scope,
                ["token_type"] = "Bearer",
            };
            if (result.Refresh is { } refresh)
            {
                body["refresh_token"] = refresh.Value;
                body["refresh_token_expires_in"] = refresh.ExpiresIn == 0 ? null : refresh.ExpiresIn;
            }

            return SandboxResults.Json(body);
        }).Named("oauth.token");

        group.MapPost("/revoke", async (HttpContext context) =>
        {
            var token = context.Request.Query["token"].FirstOrDefault();
            if (token is null && context.Request.HasFormContentType)
            {
                token = (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["token"].FirstOrDefault();
            }

            return state.Tokens.Check(SandboxProvider.Google, token).IsValid && state.Tokens.RevokeGrantOf(SandboxProvider.Google, token)
                ? SandboxResults.Json(new JsonObject())
                : SandboxResults.Json(new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Token expired or revoked" }, 400);
        }).Named("oauth.revoke");

        group.MapGet("/oauth2/v3/userinfo", (HttpContext context) =>
        {
            var check = state.Tokens.Check(SandboxProvider.Google, BasicCredentials.Bearer(context.Request));
            return check.IsValid
                ? SandboxResults.Json(new JsonObject { ["sub"] = "1" + (SplitMix.Hash(0, check.Token!.Grant.User, 0) % 100_000_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture), ["email"] = check.Token.Grant.User, ["email_verified"] = true, ["name"] = "Sandbox User" })
                : GoogleErrors.Unauthenticated(context);
        }).Named("oauth.userinfo");
    }
}
