using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mooring.Sandbox.Faults;

namespace Mooring.Sandbox.Hosting;

/// <summary>Runs before every emulated endpoint: injects the fault the seed picks, then enforces the provider's limits.</summary>
internal sealed class SandboxEndpointFilter(ProviderDialect dialect, SandboxState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<SandboxEndpointName>()?.Name ?? http.Request.Path.Value ?? string.Empty;
        var tags = new TagList { { "provider", dialect.Provider }, { "endpoint", endpoint } };
        SandboxMetrics.Requests.Add(1, tags);
        var fault = state.Faults.Next(dialect.Provider, endpoint, http.Request.Path.Value ?? string.Empty);
        var rule = fault?.Rule;
        if (fault is { Entry: var entry })
        {
            var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Mooring.Sandbox.Faults") ?? NullLogger.Instance;
            Log.FaultInjected(logger, entry.Kind, entry.Provider, entry.Endpoint, entry.RuleId, entry.MatchNumber);
            SandboxMetrics.Faults.Add(1, [.. tags, new("kind", entry.Kind.ToString())]);
        }

        switch (rule?.Kind)
        {
            case FaultKind.Status:
                return dialect.Error(http, rule.StatusCode);
            case FaultKind.RateLimit:
                return dialect.RateLimited(http, rule.RetryAfter);
            case FaultKind.Abort:
                http.Abort();
                return Results.Empty;
            case FaultKind.Hang:
                await HangAsync(http.RequestAborted).ConfigureAwait(false);
                return Results.Empty;
            case FaultKind.Latency:
                await Task.Delay(rule.Latency, state.Options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
                break;
            case FaultKind.RevokeToken:
                state.Tokens.RevokeGrantOf(dialect.Provider, await dialect.PresentedTokenAsync(http).ConfigureAwait(false));
                break;
        }

        object? result;
        if (state.Options.RateLimits.Enabled && dialect.Limit(http, endpoint) is { } limited)
        {
            SandboxMetrics.RateLimited.Add(1, tags);
            result = limited;
        }
        else
        {
            result = await next(context).ConfigureAwait(false);
        }

        if (rule?.Kind is FaultKind.StallBody or FaultKind.TruncateBody && result is IResult answer)
        {
            await SendHalfAsync(http, answer, stall: rule.Kind == FaultKind.StallBody).ConfigureAwait(false);
            return Results.Empty;
        }

        return result;
    }

    /// <summary>
    /// Renders <paramref name="answer"/> aside, then sends its status, its headers with the whole body's length and half of
    /// its body; then hangs until the client gives up (<paramref name="stall"/>), or ends the response there, which makes
    /// Kestrel close the connection once what was written has gone (an abort could drop the headers still on their way).
    /// </summary>
    private static async Task SendHalfAsync(HttpContext http, IResult answer, bool stall)
    {
        var response = http.Response;
        var body = response.Body;
        using var whole = new MemoryStream();
        response.Body = whole;
        try
        {
            await answer.ExecuteAsync(http).ConfigureAwait(false);
        }
        finally
        {
            response.Body = body;
        }

        response.ContentLength = whole.Length;
        await body.WriteAsync(whole.GetBuffer().AsMemory(0, (int)whole.Length / 2), http.RequestAborted).ConfigureAwait(false);
        await body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        if (stall)
        {
            await HangAsync(http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task HangAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: that is the point of the fault.
        }
    }
}
