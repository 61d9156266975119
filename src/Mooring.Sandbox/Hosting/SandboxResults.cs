using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.Hosting;

/// <summary>JSON answers with an exact body and status (IStatusCodeHttpResult, so filters can read the status).</summary>
internal static class SandboxResults
{
    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", null, status);

    public static IResult Json(HttpContext context, JsonNode body, int status, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return Json(body, status);
    }
}
