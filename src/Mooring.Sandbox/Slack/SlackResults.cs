using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack's answers: HTTP 200 whether or not the call succeeded, <c>ok</c> telling which.</summary>
internal static class SlackResults
{
    public static IResult Ok(JsonObject body)
    {
        body.Insert(0, "ok", true);
        return SandboxResults.Json(body);
    }

    public static IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        ProviderDialect.SetRetryAfter(context, retryAfter);
        return SandboxResults.Json(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, 429);
    }

    public static IResult Error(string error) => SandboxResults.Json(new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>A required argument that was not sent at all (one sent empty or unknown is the method's own error, such as <c>channel_not_found</c>).</summary>
    public static IResult MissingArgument(string name) => SandboxResults.Json(new JsonObject
    {
        ["ok"] = false,
        ["error"] = "invalid_arguments",
        ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray("[ERROR] missing required field: " + name) },
    });

    /// <summary>The method needs a scope that the token was not granted: <c>needed</c> names it, <c>provided</c> lists the token's.</summary>
    public static IResult MissingScope(string needed, IEnumerable<string> provided) => SandboxResults.Json(new JsonObject
    {
        ["ok"] = false,
        ["error"] = "missing_scope",
        ["needed"] = needed,
        ["provided"] = string.Join(',', provided),
    });

    /// <summary>Checks a Web API token; returns the error Slack gives, or <see langword="null"/> when the token is good.</summary>
    public static string? AuthError(TokenStore tokens, string? token) => tokens.Check(SandboxProvider.Slack, token).Status switch
    {
        TokenStatus.Valid => null,
        TokenStatus.Missing => "not_authed",
        TokenStatus.Revoked => "token_revoked",
        TokenStatus.Expired => "token_expired",
        _ => "invalid_auth",
    };

    public static JsonObject Cursor(long? next) => new()
    {
        ["next_cursor"] = next is { } n ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("next:" + n)) : string.Empty,
    };

    public static long? ReadCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("next:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(5), out var n) ? n : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
