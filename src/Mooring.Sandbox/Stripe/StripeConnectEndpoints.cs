using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// Stripe Connect OAuth (connect.stripe.com): <c>/connect/oauth/authorize</c>, <c>/connect/oauth/token</c> authenticated
/// with the platform's secret key (as <c>client_secret</c> or Bearer), and <c>/connect/oauth/deauthorize</c>.
/// </summary>
internal static class StripeConnectEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/connect/oauth/authorize", (HttpRequest request) =>
        {
            var authorize = AuthorizeRequest.Read(request);
            var decision = state.OAuth.Authorize(SandboxProvider.Stripe, authorize with { Scope = authorize.Scope.Length == 0 ? "read_only" : authorize.Scope }, true, "sandbox-user");
            if (decision.RedirectTo?.Contains("error=access_denied", StringComparison.Ordinal) == true)
            {
                decision = decision with { RedirectTo = QueryHelpers.AddQueryString(decision.RedirectTo, "error_description", "The user denied your request") };
            }
            else if (decision.RedirectTo?.Contains("code=", StringComparison.Ordinal) == true)
            {
                decision = decision with { RedirectTo = QueryHelpers.AddQueryString(decision.RedirectTo, "scope", authorize.Scope.Length == 0 ? "read_only" : authorize.Scope) };
            }

            return OAuthResults.Authorize(decision);
        }).Named("connect.authorize");

        group.MapPost("/connect/oauth/token", async (HttpContext context) =>
        {
            var request = await TokenRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var platformKey = request.ClientSecret ?? BasicCredentials.Bearer(context.Request);
            if (platformKey != state.Options.StripeApiKey)
            {
                return Error(401, "invalid_client", "No such application or invalid API key.");
            }

            var clientId = request.GrantType == "refresh_token"
                ? state.Tokens.Check(SandboxProvider.Stripe, request.RefreshToken).Token?.Grant.ClientId
                : state.OAuth.ClientOfCode(request.Code);
            var client = state.OAuth.Clients.Find(SandboxProvider.Stripe, clientId ?? state.Options.DefaultClientId);
            var authenticated = request with { ClientId = client?.ClientId, ClientSecret = client?.ClientSecret };
            var outcome = request.GrantType switch
            {
                "authorization_code" => state.OAuth.Exchange(SandboxProvider.Stripe, authenticated),
                "refresh_token" => state.OAuth.Refresh(SandboxProvider.Stripe, authenticated),
                _ => new OAuthFailure(FailureReason.UnsupportedGrantType, "Unsupported grant type."),
            };
            if (outcome.Failure is { } failure)
            {
                var description = failure.Reason == FailureReason.BadCode ? $"Authorization code does not exist: {request.Code}" : failure.Description;
                return Error(400, failure.Reason == FailureReason.UnsupportedGrantType ? "unsupported_grant_type" : "invalid_grant", description);
            }

            var result = outcome.Result!;
            return SandboxResults.Json(new JsonObject
            {
                ["access_token"] = result.Access.Value,
                ["livemode"] = false,
                ["refresh_token"] = result.Refresh?.Value,
                ["token_type"] = "bearer",
                ["stripe_publishable_key"] = "pk_test_" + result.Grant.Id[3..],
                ["stripe_user_id"] = AccountId(result.Grant),
                ["scope"] = result.Grant.Scope,
            });
        }).Named("connect.token");

        group.MapPost("/connect/oauth/deauthorize", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if ((form["client_secret"].FirstOrDefault() ?? BasicCredentials.Bearer(context.Request)) != state.Options.StripeApiKey)
            {
                return Error(401, "invalid_client", "No such application or invalid API key.");
            }

            var account = form["stripe_user_id"].ToString();
            var clientId = form["client_id"].ToString();
            var revoked = state.Tokens.RevokeGrants(SandboxProvider.Stripe, g => AccountId(g) == account && g.ClientId == clientId);
            return revoked > 0
                ? SandboxResults.Json(new JsonObject { ["stripe_user_id"] = account })
                : Error(400, "invalid_client", $"Stripe account {account} is not connected to your application.");
        }).Named("connect.deauthorize");
    }

    private static string AccountId(Grant grant) => "acct_1" + grant.Id[3..];

    private static IResult Error(int status, string error, string description) =>
        SandboxResults.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);
}
