using System.Collections.Concurrent;
using Mooring.Connections;
using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;
using Mooring.Storage;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// A thousand calls against a provider that fails often in every way it can (30 % 503, 10 % 429, 5 % hanging);
/// none may end unclassified or over its 30 s budget. With the circuit breaker out of the way, retries must carry
/// nearly every call through.
/// </summary>
public sealed class FaultStormTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:Outbound:Providers:stripe:CircuitFailureRatio"] = "1" };

    [Fact]
    public async Task Storm_1000Calls_RetriesCarryNearlyAllThroughWithinBudget()
    {
        var outcomes = await FaultStorm.RunAsync(Host, Ct);

        FaultStorm.ShouldAllBeClassifiedWithinBudget(outcomes);
        // 4 attempts each failing with p = 1 - 0.7 * 0.9 * 0.95 ≈ 0.4: about 26 of 1000 calls run out of attempts.
        outcomes.Count(o => o.Outcome == "ok").ShouldBeGreaterThan(900, FaultStorm.Describe(outcomes));
        var kinds = Host.Sandbox.Control.FaultLog.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        kinds[FaultKind.Status].ShouldBeGreaterThan(300);
        kinds[FaultKind.RateLimit].ShouldBeGreaterThan(50);
        kinds[FaultKind.Hang].ShouldBeGreaterThan(20);
    }
}

/// <summary>The same storm with the default circuit breaker, which may open: calls it stops are classified too.</summary>
public sealed class FaultStormDefaultBreakerTests : OutboundTestBase
{
    [Fact]
    public async Task Storm_1000Calls_SucceedOrFailClassifiedWithinBudget()
    {
        var outcomes = await FaultStorm.RunAsync(Host, Ct);

        FaultStorm.ShouldAllBeClassifiedWithinBudget(outcomes);
        outcomes.ShouldContain(o => o.Outcome == "ok");
    }
}

/// <summary>
/// The same storm as users run it: Mooring's rate limiter on (Stripe's test mode, 25 requests per second, paused by
/// each 429's Retry-After) and the default circuit breaker, against a sandbox that enforces Stripe's limit on the same
/// clock. Pacing waits count against each call's budget; a call held past it fails as rate limited, classified like the rest.
/// </summary>
public sealed class FaultStormPacedTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:RateLimiting:Enabled"] = "true" };

    protected override void ConfigureSandbox(SandboxOptions options)
    {
        options.RateLimits.Enabled = true;
        options.RateLimits.StripePerSecond = 25;
    }

    [Fact]
    public async Task Storm_1000CallsPaced_SucceedOrFailClassifiedWithinBudget_AndNeverTripTheLimit()
    {
        var outcomes = await FaultStorm.RunAsync(Host, Ct);

        FaultStorm.ShouldAllBeClassifiedWithinBudget(outcomes);
        outcomes.ShouldContain(o => o.Outcome == "ok");
        // Every 429 was an injected fault: none came from the sandbox's own limit of 25 a second.
        var statuses = await LoggedStatusesAsync();
        statuses.Count.ShouldBe(Host.Wire.Requests.Count);
        var injected = Host.Sandbox.Control.FaultLog.Count(f => f.Kind == FaultKind.RateLimit);
        (statuses.Count(s => s == 429) - injected).ShouldBe(0, FaultStorm.Describe(outcomes));
    }

    /// <summary>The status of every request in the request log, read a page at a time.</summary>
    private async Task<List<int?>> LoggedStatusesAsync()
    {
        await Host.Get<RequestLogWriter>().FlushAsync(Ct);
        var store = Host.Get<IRequestLogStore>();
        var statuses = new List<int?>();
        long? before = null;
        while (await store.QueryAsync(new RequestLogQuery { Before = before, Limit = 500 }, Ct) is { Count: > 0 } page)
        {
            statuses.AddRange(page.Select(e => e.Status));
            before = page[^1].Id;
        }

        return statuses;
    }
}

internal static class FaultStorm
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<(string Outcome, TimeSpan Elapsed)>> RunAsync(OutboundHost host, CancellationToken cancellationToken)
    {
        var connection = await host.ApiKeyConnectionAsync("stripe");
        var api = host.Get<IProviderApi>();
        (await CallAsync(api, connection.Id, cancellationToken)).ShouldBe("ok"); // warm: no cold start is taken for a hang
        var control = host.Sandbox.Control;
        control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503, Probability = 0.3 });
        control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.RateLimit, RetryAfter = TimeSpan.FromSeconds(1), Probability = 0.1 });
        control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Hang, Probability = 0.05 });
        var outcomes = new ConcurrentBag<(string Outcome, TimeSpan Elapsed)>();
        var storm = Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            var start = host.Time.GetTimestamp();
            outcomes.Add((await CallAsync(api, connection.Id, ct), host.Time.GetElapsedTime(start)));
        });
        await host.DriveAsync(storm.ContinueWith(_ => true, cancellationToken), hangs: true);
        await storm;
        return [.. outcomes];
    }

    public static void ShouldAllBeClassifiedWithinBudget(IReadOnlyList<(string Outcome, TimeSpan Elapsed)> outcomes)
    {
        outcomes.Count.ShouldBe(1000);
        outcomes.Where(o => o.Outcome.StartsWith("unclassified", StringComparison.Ordinal)).Select(o => o.Outcome).ShouldBeEmpty();
        // One step of the driven clock may pass between the budget running out and the call seeing it.
        outcomes.Max(o => o.Elapsed).ShouldBeLessThanOrEqualTo(Budget + TimeSpan.FromMilliseconds(200));
    }

    public static string Describe(IEnumerable<(string Outcome, TimeSpan Elapsed)> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o.Outcome).Select(g => $"{g.Key}: {g.Count()}"));

    private static async Task<string> CallAsync(IProviderApi api, ConnectionId connection, CancellationToken cancellationToken)
    {
        try
        {
            using var page = await api.SendAsync(connection, new ProviderRequest(HttpMethod.Get, "v1/customers") { Query = [new("limit", "3")] }, cancellationToken);
            return page.RootElement.GetProperty("data").GetArrayLength() == 3 ? "ok" : "unclassified: short page";
        }
        catch (ProviderApiException ex) when (ex.Category is ProviderErrorCategory.ProviderUnavailable or ProviderErrorCategory.RateLimited
                                               or ProviderErrorCategory.CircuitOpen or ProviderErrorCategory.Network)
        {
            return ex.Category.ToString();
        }
        catch (Exception ex)
        {
            return $"unclassified: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
