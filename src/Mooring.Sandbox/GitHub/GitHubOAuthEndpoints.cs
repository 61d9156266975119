using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.GitHub;

/// <summary>
/// GitHub OAuth apps: <c>/login/oauth/authorize</c>, <c>/login/oauth/access_token</c> (form-encoded unless the client
/// asks for JSON, errors with HTTP 200), and revocation by <c>DELETE /applications/{client_id}/grant</c> or <c>/token</c>.
/// </summary>
internal static class GitHubOAuthEndpoints
{
    private const string ErrorDocs = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/login/oauth/authorize", (HttpRequest request) =>
        {
            var decision = state.OAuth.Authorize(SandboxProvider.GitHub, AuthorizeRequest.Read(request), true, GitHubInstance.DefaultUser);
            if (decision.RedirectTo?.Contains("error=access_denied", StringComparison.Ordinal) == true)
            {
                decision = decision with
                {
                    RedirectTo = QueryHelpers.AddQueryString(decision.RedirectTo, new Dictionary<string, string?>
                    {
                        ["error_description"] = "The user has denied your application access.",
                        ["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied",
                    }),
                };
            }

            return OAuthResults.Authorize(decision);
        }).Named("oauth.authorize");

        group.MapPost("/login/oauth/access_token", async (HttpContext context) =>
        {
            var request = await TokenRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var outcome = request.GrantType == "refresh_token"
                ? state.OAuth.Refresh(SandboxProvider.GitHub, request)
                : request.GrantType is null or "authorization_code"
                    ? state.OAuth.Exchange(SandboxProvider.GitHub, request)
                    : new OAuthFailure(FailureReason.UnsupportedGrantType, "The grant type is not supported.");
            var fields = outcome.Result is { } result ? Success(result) : Failure(outcome.Failure!);
            return Render(context.Request, fields);
        }).Named("oauth.access_token");

        group.MapDelete("/applications/{clientId}/grant", (HttpContext context, string clientId) => Revoke(context, state, clientId, wholeGrant: true)).Named("oauth.revoke-grant");
        group.MapDelete("/applications/{clientId}/token", (HttpContext context, string clientId) => Revoke(context, state, clientId, wholeGrant: false)).Named("oauth.revoke-token");
    }

    private static async Task<IResult> Revoke(HttpContext context, SandboxState state, string clientId, bool wholeGrant)
    {
        var (id, secret) = BasicCredentials.Read(context.Request);
        var client = state.OAuth.Clients.Find(SandboxProvider.GitHub, clientId);
        if (client is null || id != clientId || client.ClientSecret != secret)
        {
            return GitHubDialect.Message(401, "Bad credentials");
        }

        string? token;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            token = body?["access_token"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return GitHubDialect.Message(422, "Invalid request.\n\n\"access_token\" wasn't supplied.");
        }

        var check = state.Tokens.Check(SandboxProvider.GitHub, token);
        if (check.Token is null || check.Token.Grant.ClientId != clientId)
        {
            return GitHubDialect.Message(404, "Not Found");
        }

        var revoked = wholeGrant ? state.Tokens.RevokeGrantOf(SandboxProvider.GitHub, token) : state.Tokens.Revoke(SandboxProvider.GitHub, token);
        return revoked ? Results.NoContent() : GitHubDialect.Message(404, "Not Found");
    }

    private static List<KeyValuePair<string, string>> Success(TokenGrantResult result)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("access_token", result.Access.Value),
            new("scope", result.Grant.Scope.Replace(' ', ',')),
            new("token_type", "bearer"),
        };
        if (result.Refresh is { } refresh)
        {
            fields.Add(new("expires_in", result.Access.ExpiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("refresh_token", refresh.Value));
            fields.Add(new("refresh_token_expires_in", (refresh.ExpiresIn == 0 ? 15897600 : refresh.ExpiresIn).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return fields;
    }

    private static List<KeyValuePair<string, string>> Failure(OAuthFailure failure)
    {
        var (error, description) = failure.Reason switch
        {
            FailureReason.InvalidClient => ("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect."),
            FailureReason.RedirectMismatch => ("redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application."),
            FailureReason.BadRefreshToken => ("bad_refresh_token", "The refresh token passed is incorrect or expired."),
            FailureReason.UnsupportedGrantType => ("unsupported_grant_type", "The grant type is not supported."),
            _ => ("bad_verification_code", "The code passed is incorrect or expired."),
        };
        return [new("error", error), new("error_description", description), new("error_uri", ErrorDocs + "#" + error.Replace('_', '-'))];
    }

    /// <summary>GitHub answers HTTP 200 either way, form-encoded unless Accept asks for JSON.</summary>
    private static IResult Render(HttpRequest request, List<KeyValuePair<string, string>> fields)
    {
        if (request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var json = new JsonObject();
            foreach (var (k, v) in fields)
            {
                json[k] = k.EndsWith("expires_in", StringComparison.Ordinal) ? JsonValue.Create(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) : v;
            }

            return SandboxResults.Json(json);
        }

        var form = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return Results.Text(form, "application/x-www-form-urlencoded; charset=utf-8");
    }
}
