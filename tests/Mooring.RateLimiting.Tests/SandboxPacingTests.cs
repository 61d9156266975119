using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Providers;
using Mooring.Sandbox;

namespace Mooring.RateLimiting.Tests;

/// <summary>Calls paced by the limiter (acquire, send, observe) against the sandbox, which enforces the providers' limits on the same fake clock.</summary>
public sealed class SandboxPacingTests
{
    [Fact]
    public async Task StripeTestMode_PacedAtTwentyFivePerSecond_NeverGetsA429()
    {
        // The documented override for test-mode keys (docs/rate-limiting.md): the bucket list is replaced as a whole.
        var test = new TestLimiter(new Mooring.Outbound.RateLimiting.RateLimitingOptions());
        await using var sandbox = await StartAsync(test);
        var stripe = Catalog(new()
        {
            ["Mooring:Providers:stripe:rateLimits:buckets:0:name"] = "global",
            ["Mooring:Providers:stripe:rateLimits:buckets:0:limit"] = "25",
            ["Mooring:Providers:stripe:rateLimits:buckets:0:periodSeconds"] = "1",
        }, "stripe", sandbox.AddressOf(SandboxProvider.Stripe));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var statuses = await RunAsync(test, stripe, http, Enumerable.Range(0, 100).Select(_ => Request(stripe, "v1/customers", "sk_test_sandbox")));

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        test.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3.9), "100 calls at 25/s take four seconds");
    }

    [Fact]
    public async Task SlackPostMessage_TwoChannelsPaced_NeverRateLimited()
    {
        var test = new TestLimiter(new Mooring.Outbound.RateLimiting.RateLimitingOptions());
        await using var sandbox = await StartAsync(test);
        var slack = Catalog([], "slack", new Uri(sandbox.AddressOf(SandboxProvider.Slack), "api/"));
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack, "chat:write,channels:read").AccessToken;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var channels = await ChannelsAsync(http, slack, token);

        var requests = Enumerable.Range(0, 20).Select(i => PostMessage(slack, token, channels[i % 2]));
        var statuses = await RunAsync(test, slack, http, requests, async response => (await response.Content.ReadAsStringAsync()).ShouldContain("\"ok\":true"));

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
    }

    private static async Task<List<HttpStatusCode>> RunAsync(TestLimiter test, ProviderDefinition provider, HttpClient http, IEnumerable<HttpRequestMessage> requests, Func<HttpResponseMessage, Task>? check = null)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var request in requests)
        {
            using (request)
            {
                var acquire = test.Limiter.AcquireAsync(provider, TestLimiter.Connection, request, CallPriority.Interactive, TestContext.Current.CancellationToken).AsTask();
                await test.DriveUntilAsync(acquire, TimeSpan.FromMilliseconds(20));
                using var lease = await acquire;
                using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
                test.Limiter.Observe(provider, TestLimiter.Connection, request, response);
                statuses.Add(response.StatusCode);
                if (check is not null)
                {
                    await check(response);
                }
            }
        }

        return statuses;
    }

    private static Task<SandboxHost> StartAsync(TestLimiter test) =>
        SandboxHost.StartAsync(new SandboxOptions { TimeProvider = test.Time, Seed = 7 }, cancellationToken: TestContext.Current.CancellationToken);

    private static ProviderDefinition Catalog(Dictionary<string, string?> settings, string key, Uri apiBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddMooringProviderCatalog(configuration).BuildServiceProvider();
        return services.GetRequiredService<IProviderCatalog>().Get(ProviderKey.Parse(key)) with { ApiBaseUrl = apiBaseUrl };
    }

    private static HttpRequestMessage Request(ProviderDefinition provider, string path, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(provider.ApiBaseUrl!, path));
        request.Headers.Authorization = new("Bearer", bearer);
        return request;
    }

    private static HttpRequestMessage PostMessage(ProviderDefinition slack, string token, string channel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiBaseUrl!, "chat.postMessage"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = channel, ["text"] = "paced" }),
        };
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    private static async Task<string[]> ChannelsAsync(HttpClient http, ProviderDefinition slack, string token)
    {
        using var request = Request(slack, "conversations.list", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. body.RootElement.GetProperty("channels").EnumerateArray().Take(2).Select(c => c.GetProperty("id").GetString()!)];
    }
}
