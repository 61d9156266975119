using Mooring.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// The real server process, on SQLite and on PostgreSQL, is killed with SIGKILL in the middle of a burst of Stripe
/// events, restarted, and sent again what it had not acknowledged, as Stripe retries. Then every event is processed
/// exactly once: it is stored once, completed, has one forwarding outbox row (written in its completion transaction),
/// and its effect in the app it is forwarded to (<see cref="EffectReceiver"/>) happens exactly once: one effect, under
/// the event's own <c>webhook-id</c>, however often the delivery was sent (the app de-duplicates by that id, as Standard
/// Webhooks receivers do).
/// </summary>
public sealed class WebhookDurabilityTests
{
    private const int Burst = 1500;
    private const int KillAfter = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Sigkill_MidBurst_OnSqlite_EveryEventTakesEffectExactlyOnce() => SigkillMidBurstAsync();

    [Fact]
    public async Task Sigkill_MidBurst_OnPostgres_EveryEventTakesEffectExactlyOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await SigkillMidBurstAsync("--Mooring:StorageProvider=postgres", $"--Mooring:Storage:Postgres:ConnectionString={database}");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task SigkillMidBurstAsync(params string[] store)
    {
        await using var app = await EffectReceiver.StartAsync();
        var port = ServerProcess.FreePort();
        string[] settings = [
            $"--Mooring:DataDirectory={TestData.NewDataDirectory()}",
            $"--Mooring:ManagementApiKeys:0={TestData.ManagementKey}",
            $"--Mooring:Webhooks:Providers:stripe:Secrets:0={TestSecrets.Stripe}",
            "--Mooring:Webhooks:LeaseDuration=00:00:02",
            "--Mooring:Webhooks:BatchSize=4",
            $"--Mooring:Webhooks:Forwarding:Url={app.Url}",
            $"--Mooring:Webhooks:Forwarding:Secrets:0={TestSecrets.Forwarding}",
            "--Mooring:Webhooks:Forwarding:Timeout=00:00:02",
            "--Mooring:Webhooks:Forwarding:RetryBaseDelay=00:00:01",
            .. store,
        ];

        var server = await ServerProcess.StartAsync(port, settings);
        var (acknowledged, unanswered) = await BurstUntilKilledAsync(server);
        await server.DisposeAsync();
        await using var restarted = await ServerProcess.StartAsync(port, settings);
        using var api = new HttpClient { BaseAddress = new Uri(restarted.Url) };
        api.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);
        var resent = await Task.WhenAll(unanswered.Select(id => TrySendAsync(api, id)));
        string[] sent = [.. acknowledged, .. unanswered];
        await WebhookApp.EventuallyAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/webhooks/events?status=pending,processing,failed,dead", Ct)).GetProperty("data").GetArrayLength() == 0,
            seconds: 60);
        var stored = (await AllEventsAsync(api)).ToDictionary(e => e.GetProperty("event_id").GetString()!, e => e.GetProperty("id").GetInt64());

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(KillAfter);
        sent.Length.ShouldBeLessThan(Burst, "the kill should land mid-burst");
        resent.ShouldAllBe(ok => ok, "a delivery the killed server did not acknowledge is accepted, or acknowledged as a duplicate, once it is back");
        stored.Keys.ShouldBe(sent, ignoreOrder: true, "every event acknowledged, before the kill or after it, is stored, once");
        foreach (var id in sent)
        {
            var detail = await api.GetFromJsonAsync<JsonElement>($"/api/webhooks/events/{stored[id]}", Ct);
            detail.GetProperty("status").GetString().ShouldBe("completed");
            detail.GetProperty("deliveries").GetArrayLength().ShouldBe(1, $"{id} should have been processed exactly once");
        }

        await WebhookApp.EventuallyAsync(() => Task.FromResult(sent.All(app.Effects.Contains)), seconds: 60);
        var effects = app.Effects;
        effects.Count.ShouldBe(sent.Length, "no effect for an event that was not sent");
        sent.ShouldAllBe(id => effects[id].SequenceEqual(new[] { $"msg_stripe_{stored[id]}" }), "each event's effect exactly once, under its own webhook-id");
        app.Unverified.ShouldBe(0);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Count} acknowledged before the kill, {unanswered.Count} in flight and sent again, {app.Duplicates} deliveries received again under a webhook-id already applied");
    }

    /// <summary>
    /// Sends distinct events from 16 senders until <see cref="KillAfter"/> are acknowledged, kills the server then, and
    /// stops; returns the events acknowledged and those sent but not acknowledged (in flight at the kill).
    /// </summary>
    private static async Task<(List<string> Acknowledged, List<string> Unanswered)> BurstUntilKilledAsync(ServerProcess server)
    {
        var acknowledged = new ConcurrentBag<string>();
        var unanswered = new ConcurrentBag<string>();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        var next = -1;
        var killed = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while (Volatile.Read(ref killed) == 0 && (i = Interlocked.Increment(ref next)) < Burst)
            {
                var id = $"evt_burst_{i}";
                (await TrySendAsync(http, id) ? acknowledged : unanswered).Add(id);
                if (acknowledged.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    server.Kill();
                }
            }
        }));
        return ([.. acknowledged], [.. unanswered]);
    }

    /// <summary>Sends a signed Stripe event; true when it was acknowledged (200: accepted or duplicate).</summary>
    private static async Task<bool> TrySendAsync(HttpClient http, string id)
    {
        var body = WebhookApp.StripeEvent(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", TestSecrets.StripeHeader(body, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        try
        {
            using var response = await http.SendAsync(request, Ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // The server is gone: the delivery was not acknowledged, so the provider sends it again later.
            return false;
        }
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
}
