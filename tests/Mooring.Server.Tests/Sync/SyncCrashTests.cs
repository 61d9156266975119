using System.Net.Http.Json;
using System.Text.Json;
using Mooring.Sandbox;
using Mooring.Server.Tests.Webhooks;

namespace Mooring.Server.Tests.Sync;

/// <summary>
/// The real server process, syncing 60,000 Stripe customers from a sandbox in this process, is killed with SIGKILL in
/// the middle of its first full sync and restarted: the next run resumes after the last committed page instead of
/// starting over, and ends with exactly the sandbox's customers, each once.
/// </summary>
public sealed class SyncCrashTests
{
    private const int Customers = 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sigkill_MidFullSync_ResumesFromTheLastPage_AndEndsWithExactlyTheRightRecords()
    {
        var options = new SandboxOptions { Seed = 11 };
        options.RateLimits.Enabled = false;
        options.Data.StripeCustomers = Customers;
        await using var sandbox = await SandboxHost.StartAsync(options, cancellationToken: Ct);
        var port = ServerProcess.FreePort();
        string[] settings = [
            $"--Mooring:DataDirectory={TestData.NewDataDirectory()}",
            $"--Mooring:ManagementApiKeys:0={TestData.ManagementKey}",
            $"--Mooring:Providers:stripe:apiBaseUrl={sandbox.AddressOf("stripe")}",
            "--Mooring:Sync:LeaseDuration=00:00:02",
            "--Mooring:Sync:PollInterval=00:00:00.200",
        ];

        var server = await ServerProcess.StartAsync(port, settings);
        using (var api = Api(server.Url))
        {
            var created = await api.PostAsJsonAsync("/api/connections", new { provider = "stripe", authMode = "api_key", id = "stripe-crash", apiKey = options.StripeApiKey }, Ct);
            created.EnsureSuccessStatusCode();
            await WebhookApp.EventuallyAsync(async () => await RecordsAsync(api) >= Customers / 4, seconds: 120);
        }

        server.Kill();
        await server.DisposeAsync();
        await using var restarted = await ServerProcess.StartAsync(port, settings);
        using var after = Api(restarted.Url);
        await WebhookApp.EventuallyAsync(async () => (await LastRunAsync(after)) is { } run && run.GetProperty("status").GetString() == "succeeded", seconds: 180);

        var runs = (await after.GetFromJsonAsync<JsonElement>("/api/syncs/stripe-crash/stripe-customers/runs", Ct)).GetProperty("data").EnumerateArray().ToList();
        runs.Count.ShouldBe(2);
        runs[1].GetProperty("status").GetString().ShouldBe("failed", "the killed run never finished; its successor closed it");
        runs[1].GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("Interrupted");
        runs[0].GetProperty("kind").GetString().ShouldBe("full");
        runs[0].GetProperty("pages").GetInt32().ShouldBeLessThan(Customers / 100, "the run resumed instead of starting over");
        var ids = await AllIdsAsync(after);
        ids.Count.ShouldBe(Customers, "each customer exactly once");
        ids.ToHashSet().ShouldBe(await SandboxIdsAsync(sandbox, options.StripeApiKey), ignoreOrder: true);
    }

    private static HttpClient Api(string url)
    {
        var api = new HttpClient { BaseAddress = new Uri(url) };
        api.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);
        return api;
    }

    private static async Task<long> RecordsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/syncs?connection=stripe-crash", Ct)).GetProperty("data").EnumerateArray()
            .Single(s => s.GetProperty("model").GetString() == "stripe-customers").GetProperty("records").GetInt64();

    private static async Task<JsonElement?> LastRunAsync(HttpClient api)
    {
        var state = (await api.GetFromJsonAsync<JsonElement>("/api/syncs?connection=stripe-crash", Ct)).GetProperty("data").EnumerateArray()
            .Single(s => s.GetProperty("model").GetString() == "stripe-customers");
        return state.GetProperty("last_run").ValueKind == JsonValueKind.Object ? state.GetProperty("last_run") : null;
    }

    private static async Task<List<string>> AllIdsAsync(HttpClient api)
    {
        var ids = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/records?connection=stripe-crash&model=stripe-customers&limit=1000{(cursor is null ? string.Empty : "&cursor=" + cursor)}", Ct);
            ids.AddRange(page.GetProperty("data").EnumerateArray().Where(r => !r.GetProperty("deleted").GetBoolean()).Select(r => r.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            if (!page.GetProperty("has_more").GetBoolean())
            {
                return ids;
            }
        }
    }

    private static async Task<HashSet<string>> SandboxIdsAsync(SandboxHost sandbox, string key)
    {
        using var http = new HttpClient { BaseAddress = sandbox.AddressOf("stripe") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"v1/customers?limit=100{(after is null ? string.Empty : "&starting_after=" + after)}", Ct);
            foreach (var c in page.GetProperty("data").EnumerateArray())
            {
                after = c.GetProperty("id").GetString()!;
                ids.Add(after);
            }

            if (!page.GetProperty("has_more").GetBoolean())
            {
                return ids;
            }
        }
    }
}
