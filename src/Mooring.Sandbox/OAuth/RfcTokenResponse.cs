using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.OAuth;

/// <summary>RFC 6749 section 5 token responses: JSON, no-store, errors with 400 (401 for a failed client authentication).</summary>
internal static class RfcTokenResponse
{
    public static IResult Render(HttpContext context, OAuthOutcome outcome, Action<JsonObject>? extend = null)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (outcome.Failure is { } failure)
        {
            if (failure.RfcStatus == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"sandbox\"";
            }

            return SandboxResults.Json(new JsonObject { ["error"] = failure.Error, ["error_description"] = failure.Description }, failure.RfcStatus);
        }

        var result = outcome.Result!;
        var body = new JsonObject
        {
            ["access_token"] = result.Access.Value,
            ["token_type"] = "Bearer",
            ["expires_in"] = result.Access.ExpiresIn,
            ["scope"] = result.Grant.Scope,
        };
        if (result.Refresh is { } refresh)
        {
            body["refresh_token"] = refresh.Value;
        }

        extend?.Invoke(body);
        return SandboxResults.Json(body);
    }
}
