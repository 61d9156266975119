using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Google;

/// <summary>Google's JSON error: <c>{"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}</c>.</summary>
internal static class GoogleErrors
{
    public static IResult Error(int code, string message, string reason, string status, string domain = "global")
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason }),
                ["status"] = status,
            },
        };
        return SandboxResults.Json(body, code);
    }

    public static IResult NotFound() => Error(404, "Requested entity was not found.", "notFound", "NOT_FOUND");

    public static IResult BadRequest(string message, string reason = "invalid") => Error(400, message, reason, "INVALID_ARGUMENT");

    public static IResult Unauthenticated(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
        return Error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.", "authError", "UNAUTHENTICATED");
    }
}
