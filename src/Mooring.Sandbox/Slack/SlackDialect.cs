using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack's wire habits: errors as <c>{"ok":false,"error":…}</c>, per-method tiers answered with 429 and Retry-After.</summary>
internal sealed class SlackDialect(SandboxState state) : ProviderDialect
{
    public override string Provider => SandboxProvider.Slack;

    public override async ValueTask<string?> PresentedTokenAsync(HttpContext context)
    {
        // The endpoint reads the arguments again after the fault filter: a JSON body is buffered and rewound for it
        // (a form is cached by ASP.NET Core already).
        var request = context.Request;
        request.EnableBuffering();
        var args = await SlackArgs.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return args.Token;
    }

    public override IResult Error(HttpContext context, int status) =>
        SandboxResults.Json(new JsonObject { ["ok"] = false, ["error"] = status >= 500 ? "fatal_error" : "request_timeout" }, status);

    public override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) => SlackResults.RateLimited(context, retryAfter);

    public override IResult? Limit(HttpContext context, string endpoint)
    {
        var limits = state.Options.RateLimits;
        var (perWindow, window) = endpoint switch
        {
            "conversations.list" => (limits.SlackTier2PerMinute, TimeSpan.FromMinutes(1)),
            "conversations.history" => (limits.SlackTier3PerMinute, TimeSpan.FromMinutes(1)),
            _ => (0, TimeSpan.Zero),
        };
        if (perWindow == 0)
        {
            return null;
        }

        var caller = BasicCredentialsOrAnonymous(context);
        var decision = state.Limiter.Acquire($"slack:{endpoint}:{caller}", perWindow, window);
        return decision.Allowed ? null : RateLimited(context, decision.RetryAfter);
    }

    private static string BasicCredentialsOrAnonymous(HttpContext context) =>
        OAuth.BasicCredentials.Bearer(context.Request) ?? context.Request.Query["token"].FirstOrDefault() ?? "anonymous";
}
