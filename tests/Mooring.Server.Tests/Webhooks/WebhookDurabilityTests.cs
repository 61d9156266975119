using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// The real server process is killed with SIGKILL in the middle of a burst and restarted: every event it acknowledged
/// is processed exactly once (one forwarding outbox row, written in the completion transaction) and reaches the app.
/// </summary>
public sealed class WebhookDurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sigkill_MidBurst_EveryAcknowledgedEventIsProcessedExactlyOnce()
    {
        var forwarded = new ConcurrentDictionary<string, int>();
        await using var app = await StartAppAsync(forwarded);
        var port = ServerProcess.FreePort();
        string[] settings = [
            $"--Mooring:DataDirectory={TestData.NewDataDirectory()}",
            $"--Mooring:ManagementApiKeys:0={TestData.ManagementKey}",
            $"--Mooring:Webhooks:Providers:stripe:Secrets:0={TestSecrets.Stripe}",
            "--Mooring:Webhooks:LeaseDuration=00:00:02",
            "--Mooring:Webhooks:BatchSize=4",
            $"--Mooring:Webhooks:Forwarding:Url={app.Urls.First()}/hooks",
            $"--Mooring:Webhooks:Forwarding:Secrets:0={TestSecrets.Forwarding}",
            "--Mooring:Webhooks:Forwarding:Timeout=00:00:02",
            "--Mooring:Webhooks:Forwarding:RetryBaseDelay=00:00:01",
        ];
        var acknowledged = new ConcurrentBag<string>();

        var server = await ServerProcess.StartAsync(port, settings);
        using (var http = new HttpClient { BaseAddress = new Uri(server.Url) })
        {
            var next = -1;
            var killed = 0;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < 1500)
                {
                    var id = $"evt_burst_{i}";
                    var body = WebhookApp.StripeEvent(id);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", TestSecrets.StripeHeader(body, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                    try
                    {
                        using var response = await http.SendAsync(request, Ct);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The server is gone: this delivery was not acknowledged, so the provider would retry it.
                    }

                    if (acknowledged.Count >= 300 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        server.Kill();
                    }
                }
            }));
        }

        await server.DisposeAsync();
        await using var restarted = await ServerProcess.StartAsync(port, settings);
        using var api = new HttpClient { BaseAddress = new Uri(restarted.Url) };
        api.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);
        await WebhookApp.EventuallyAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/webhooks/events?status=pending,processing,failed,dead", Ct)).GetProperty("data").GetArrayLength() == 0,
            seconds: 60);
        var events = await AllEventsAsync(api);

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(300);
        acknowledged.Count.ShouldBeLessThan(1500, "the kill should land mid-burst");
        var stored = events.ToDictionary(e => e.GetProperty("event_id").GetString()!, e => e);
        acknowledged.ShouldAllBe(id => stored.ContainsKey(id));
        stored.Values.ShouldAllBe(e => e.GetProperty("status").GetString() == "completed");
        foreach (var id in acknowledged)
        {
            var detail = await api.GetFromJsonAsync<JsonElement>($"/api/webhooks/events/{stored[id].GetProperty("id").GetInt64()}", Ct);
            detail.GetProperty("deliveries").GetArrayLength().ShouldBe(1, $"{id} should have been processed exactly once");
        }

        await WebhookApp.EventuallyAsync(() => Task.FromResult(acknowledged.All(forwarded.ContainsKey)), seconds: 60);
    }

    private static async Task<List<JsonElement>> AllEventsAsync(HttpClient api)
    {
        var all = new List<JsonElement>();
        long? before = null;
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/webhooks/events?limit=1000{(before is null ? string.Empty : $"&before={before}")}", Ct);
            all.AddRange(page.GetProperty("data").EnumerateArray());
            if (page.GetProperty("next_before").ValueKind == JsonValueKind.Null)
            {
                return all;
            }

            before = page.GetProperty("next_before").GetInt64();
        }
    }

    private static async Task<WebApplication> StartAppAsync(ConcurrentDictionary<string, int> forwarded)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var payload = await JsonDocument.ParseAsync(http.Request.Body);
            forwarded.AddOrUpdate(payload.RootElement.GetProperty("data").GetProperty("event_id").GetString()!, 1, (_, n) => n + 1);
            return Results.NoContent();
        });
        await app.StartAsync(Ct);
        return app;
    }
}
