using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;
using Mooring.Sandbox;

namespace Mooring.Benchmarks.RateLimiting;

/// <summary>
/// <c>ratelimit-pacing [seconds=60] [callers=8]</c>: (a) Stripe's live-key 100/s enforced by the sandbox, paced from the
/// definition; (b) 100/s known only from response headers (IETF fields, then X-RateLimit-*), paced from what was learnt;
/// (c) as (a), through the whole call pipeline of a Stripe connection (retries, request log and all).
/// Real clock, loopback. Prints a Markdown table for bench/RESULTS.md.
/// </summary>
internal static class RateLimitPacingBench
{
    private const int PerSecond = 100;

    public static async Task RunAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60);
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        using var http = new HttpClient();
        Console.WriteLine($"| run | limit known from | callers | seconds | calls | 200 | 429 | 429 share | quota used |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");

        await using (var sandbox = await SandboxHost.StartAsync(new SandboxOptions { StripeApiKey = "sk_live_bench" }))
        {
            var stripe = Definition("stripe") with { ApiBaseUrl = sandbox.AddressOf(SandboxProvider.Stripe) };
            var result = await PacingRun.RunAsync(NewLimiter(), stripe, http, () => Get(stripe, "v1/customers?limit=1", "sk_live_bench"), callers, duration);
            Print("(a) sandbox Stripe, sk_live_ 100/s", "definition (100/s)", callers, result);
        }

        await using (var sandbox = await SandboxHost.StartAsync(new SandboxOptions { StripeApiKey = "sk_live_bench" }))
        {
            var result = await PipelinePacingRun.RunAsync(sandbox.AddressOf(SandboxProvider.Stripe), "sk_live_bench", "v1/customers?limit=1", callers, duration);
            Print("(c) sandbox Stripe, sk_live_ 100/s, whole pipeline", "definition (100/s)", callers, result);
        }

        foreach (var ietf in new[] { true, false })
        {
            await using var upstream = await HeaderLimitedUpstream.StartAsync(PerSecond, ietf);
            var headersOnly = new ProviderDefinition { Key = ProviderKey.Parse("headers-only"), ApiBaseUrl = upstream.BaseAddress, RateLimits = new RateLimitPolicy() };
            var result = await PacingRun.RunAsync(NewLimiter(), headersOnly, http, () => Get(headersOnly, "items", null), callers, duration);
            Print("(b) upstream 100/s, no buckets in the definition", ietf ? "IETF RateLimit / RateLimit-Policy" : "X-RateLimit-Limit/Remaining/Reset", callers, result);
        }
    }

    private static IProviderRateLimiter NewLimiter() =>
        new ServiceCollection().AddLogging().AddMooringRateLimiting().BuildServiceProvider().GetRequiredService<IProviderRateLimiter>();

    private static ProviderDefinition Definition(string key)
    {
        using var services = new ServiceCollection().AddLogging().AddMooringProviderCatalog().BuildServiceProvider();
        return services.GetRequiredService<IProviderCatalog>().Get(ProviderKey.Parse(key));
    }

    private static HttpRequestMessage Get(ProviderDefinition provider, string path, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(provider.ApiBaseUrl!, path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return request;
    }

    private static void Print(string run, string source, int callers, PacingResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {source} | {callers} | {r.Elapsed.TotalSeconds:F1} | {r.Calls:N0} | {r.Ok:N0} | {r.Limited:N0} | {r.LimitedShare:P2} | {r.QuotaUsed(PerSecond):P1} |"));
}
