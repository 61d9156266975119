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

        if (state.Options.RateLimits.Enabled && dialect.Limit(http, endpoint) is { } limited)
        {
            SandboxMetrics.RateLimited.Add(1, tags);
            return limited;
        }

        return await next(context).ConfigureAwait(false);
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
