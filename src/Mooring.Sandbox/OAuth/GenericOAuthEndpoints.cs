using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.OAuth;

/// <summary>
/// A standards-only OAuth 2.0 server: RFC 6749 authorize and token, RFC 7636 PKCE, RFC 7009 revocation,
/// RFC 8414 metadata and OpenID Connect discovery, and a userinfo endpoint.
/// </summary>
internal static class GenericOAuthEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/.well-known/openid-configuration", (HttpRequest request) => SandboxResults.Json(Metadata(request))).Named("discovery");
        group.MapGet("/.well-known/oauth-authorization-server", (HttpRequest request) => SandboxResults.Json(Metadata(request))).Named("metadata");

        group.MapGet("/authorize", (HttpRequest request) =>
            OAuthResults.Authorize(state.OAuth.Authorize(SandboxProvider.OAuth, AuthorizeRequest.Read(request), true, "sandbox-user"))).Named("authorize");

        group.MapPost("/token", async (HttpContext context) =>
        {
            var request = await TokenRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var outcome = request.GrantType switch
            {
                "authorization_code" => state.OAuth.Exchange(SandboxProvider.OAuth, request),
                "refresh_token" => state.OAuth.Refresh(SandboxProvider.OAuth, request),
                "client_credentials" => state.OAuth.ClientCredentials(SandboxProvider.OAuth, request),
                null => new OAuthFailure(FailureReason.InvalidRequest, "grant_type is required."),
                _ => new OAuthFailure(FailureReason.UnsupportedGrantType, "The grant type is not supported."),
            };
            return RfcTokenResponse.Render(context, outcome, body => AddIdToken(context.Request, state, outcome.Result!, body));
        }).Named("token");

        group.MapGet("/jwks", () => SandboxResults.Json(state.SigningKey.Jwks())).Named("jwks");

        group.MapPost("/revoke", async (HttpContext context) =>
        {
            var request = await TokenRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var client = state.OAuth.Clients.Find(SandboxProvider.OAuth, request.ClientId);
            if (client is null || (client.ClientSecret is not null && client.ClientSecret != request.ClientSecret))
            {
                return RfcTokenResponse.Render(context, new OAuthFailure(FailureReason.InvalidClient, "Client authentication failed."));
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            state.Tokens.Revoke(SandboxProvider.OAuth, form["token"].ToString());
            return Results.Ok();
        }).Named("revoke");

        group.MapGet("/userinfo", (HttpRequest request) =>
        {
            var check = state.Tokens.Check(SandboxProvider.OAuth, BasicCredentials.Bearer(request));
            if (!check.IsValid)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var user = check.Token!.Grant.User;
            return SandboxResults.Json(new JsonObject { ["sub"] = user, ["name"] = "Sandbox User", ["email"] = Email(user), ["email_verified"] = true });
        }).Named("userinfo");
    }

    /// <summary>OpenID Connect: a signed ID token when the grant's scope includes <c>openid</c>.</summary>
    private static void AddIdToken(HttpRequest request, SandboxState state, TokenGrantResult result, JsonObject body)
    {
        if (!result.Grant.Scope.Split(' ').Contains("openid"))
        {
            return;
        }

        var now = state.Options.TimeProvider.GetUtcNow();
        var user = result.Grant.User;
        var claims = new JsonObject
        {
            ["iss"] = Issuer(request),
            ["sub"] = user,
            ["aud"] = result.Grant.ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TokenLifetimes.Access(state.Options, SandboxProvider.OAuth)!.Value).ToUnixTimeSeconds(),
            ["email"] = Email(user),
            ["email_verified"] = true,
        };
        if (result.Grant.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        body["id_token"] = state.SigningKey.Sign(claims);
    }

    private static string Email(string user) => user.Contains('@', StringComparison.Ordinal) ? user : user + "@example.com";

    /// <summary>The issuer: the provider's root as the client reached it (prefix included), without a trailing slash.</summary>
    private static string Issuer(HttpRequest request)
    {
        var path = request.Path.Value!;
        var cut = path.IndexOf("/.well-known/", StringComparison.Ordinal);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, cut >= 0 ? path[..cut] : path[..path.LastIndexOf('/')]);
    }

    private static JsonObject Metadata(HttpRequest request)
    {
        var issuer = Issuer(request);
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/authorize",
            ["token_endpoint"] = issuer + "/token",
            ["revocation_endpoint"] = issuer + "/revoke",
            ["userinfo_endpoint"] = issuer + "/userinfo",
            ["jwks_uri"] = issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"),
            ["response_types_supported"] = new JsonArray("code"),
            ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token", "client_credentials"),
            ["code_challenge_methods_supported"] = new JsonArray("S256", "plain"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["revocation_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["subject_types_supported"] = new JsonArray("public"),
        };
    }
}
