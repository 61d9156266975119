using Mooring.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Mooring.AspNetCore.Webhooks;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>Workers: exactly-once effects under duplicate storms, retries with backoff, dead letters, replay, routing.</summary>
public sealed class WebhookProcessingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task DuplicateStorm_OnSqlite_HasEachEffectOnce() => DuplicateStormAsync();

    [Fact]
    public async Task DuplicateStorm_OnPostgres_HasEachEffectOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await DuplicateStormAsync("--Mooring:StorageProvider=postgres", $"--Mooring:Storage:Postgres:ConnectionString={connectionString}");
    }

    private static async Task DuplicateStormAsync(params string[] settings)
    {
        const int Events = 40;
        var calls = new ConcurrentDictionary<string, int>();
        await using var app = await WebhookApp.StartAsync(m => m.OnWebhook("stripe", (context, _) =>
        {
            calls.AddOrUpdate(context.Event.EventId, 1, (_, n) => n + 1);
            context.Enlist((tx, ct) => Execute(tx, "INSERT INTO effects (event_id) VALUES (@id)", context.Event.EventId, ct));
            return Task.CompletedTask;
        }), [.. settings, "--Mooring:Webhooks:Workers=4", "--Mooring:Webhooks:BatchSize=8"]);
        var ids = Enumerable.Range(0, Events).Select(i => $"evt_storm_{i}").ToList();
        await using (var db = await app.OpenDatabaseAsync())
        {
            // Created up front: concurrent CREATE TABLE IF NOT EXISTS in several workers' transactions conflicts on PostgreSQL.
            await using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE effects (event_id TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(Ct);
        }

        var responses = await Task.WhenAll(ids.SelectMany(id => Enumerable.Repeat(id, 3)).Select(id => app.PostStripeAsync(WebhookApp.StripeEvent(id))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Count(e => e.Status == WebhookEventStatus.Completed) == Events);
        var effects = await CountEffectsAsync(app);
        effects.Count.ShouldBe(Events);
        effects.ShouldBe(ids, ignoreOrder: true);
        calls.Values.ShouldAllBe(n => n == 1);
    }

    [Fact]
    public async Task Stopping_GivesBackUnfinishedEvents_PendingAndDueAtOnceWithoutAnAttemptCounted()
    {
        var handling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", async (_, ct) =>
            {
                handling.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // still running when the app stops
            }),
            "--Mooring:Webhooks:Workers=1",
            "--Mooring:Webhooks:BatchSize=1");
        await using (app)
        {
            (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_in_handler"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            await handling.Task.WaitAsync(Ct);
            (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_waiting"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.AllEventsAsync()).ShouldAllBe(e => e.Status == WebhookEventStatus.Processing, "both were handed to this instance's worker");

            await app.StopAsync();

            var events = await app.AllEventsAsync();
            events.Select(e => e.EventId).ShouldBe(["evt_waiting", "evt_in_handler"]);
            events.ShouldAllBe(e => e.Status == WebhookEventStatus.Pending && e.Attempts == 0 && e.LeaseOwner == null && e.NextAttemptAt <= app.Time.GetUtcNow());
        }
    }

    [Fact]
    public async Task FailingHandler_IsRetriedWithBackoffThenDeadAndReplayable()
    {
        var healthy = false;
        var attempts = new ConcurrentBag<int>();
        await using var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", "invoice.paid", (c, _) =>
            {
                attempts.Add(c.Attempt);
                return healthy ? Task.CompletedTask : throw new InvalidOperationException("downstream is down");
            }),
            "--Mooring:Webhooks:MaxAttempts=3",
            "--Mooring:Webhooks:RetryBaseDelay=00:00:10");
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_fail", "invoice.paid"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single() is { Status: WebhookEventStatus.Failed, Attempts: 1 });
        var failed = (await app.AllEventsAsync()).Single();
        (failed.NextAttemptAt - app.Time.GetUtcNow()).ShouldBeInRange(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));
        failed.LastError.ShouldBe("InvalidOperationException: downstream is down");
        app.Time.Advance(TimeSpan.FromSeconds(10));
        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single() is { Status: WebhookEventStatus.Failed, Attempts: 2 });
        app.Time.Advance(TimeSpan.FromSeconds(20));
        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single() is { Status: WebhookEventStatus.Dead, Attempts: 3 });
        attempts.OrderBy(a => a).ShouldBe([1, 2, 3]);

        healthy = true;
        var replay = await app.Http.PostAsync($"/api/webhooks/events/{failed.Id}/replay", null, Ct);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single().Status == WebhookEventStatus.Completed);
        (await app.Http.PostAsync($"/api/webhooks/events/{failed.Id}/replay", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EventWhoseLastAttemptEndsWithoutAnOutcome_IsDeadWithoutRunningAgain()
    {
        // A handler that outlives its lease (or a process that dies in it) ends the attempt with no outcome; the expired
        // lease lets the event be leased again, one attempt more each time. After the last attempt it must not go round
        // for ever: it is dead-lettered, and its handler is not run again.
        var entered = new ConcurrentQueue<int>();
        var release = new SemaphoreSlim(0);
        await using var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", async (c, ct) =>
            {
                entered.Enqueue(c.Attempt);
                await release.WaitAsync(ct);
            }),
            "--Mooring:Webhooks:MaxAttempts=2",
            "--Mooring:Webhooks:LeaseDuration=00:01:00",
            "--Mooring:Webhooks:Workers=2",
            "--Mooring:Webhooks:BatchSize=1");
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_hangs"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await WebhookApp.EventuallyAsync(() => Task.FromResult(entered.Count == attempt));
            app.Time.Advance(TimeSpan.FromSeconds(61)); // the lease runs out while the handler still runs,
            await WebhookApp.EventuallyAsync(async () =>
            {
                app.Time.Advance(TimeSpan.FromMilliseconds(100)); // the idle worker's poll and wake delay
                return (await app.AllEventsAsync()).Single().Attempts == attempt + 1;
            });                                         // and the other worker takes the event from the store;
            release.Release();                          // the handler returns too late: its completion finds the lease gone
        }

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single().Status == WebhookEventStatus.Dead);
        var dead = (await app.AllEventsAsync()).Single();
        entered.ShouldBe([1, 2]);
        dead.LastError.ShouldNotBeNull().ShouldStartWith("Abandoned: attempt 2 ended without an outcome");
        dead.LastError.ShouldContain("MaxAttempts");
        dead.LeaseOwner.ShouldBeNull();

        release.Release(); // a third run, if there were one, would not block: the assertion above is what counts
        var replay = await app.Http.PostAsync($"/api/webhooks/events/{dead.Id}/replay", null, Ct);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WebhookApp.EventuallyAsync(() => Task.FromResult(entered.Count == 3));
        entered.Last().ShouldBe(1, "a replay starts the count again");
    }

    [Fact]
    public async Task LongBatch_RenewsItsLeases_EveryEventCompletedOnceAtItsFirstAttempt()
    {
        // Eight events leased in one batch, each handler taking a quarter of LeaseDuration (an API call, Slack's pacing of
        // one message a second): the batch outlasts its lease twice over. After every handler another instance's worker
        // looks for due events; it must find none, and every event must complete at its first attempt, its handler run once.
        const int Events = 8;
        var lease = TimeSpan.FromMinutes(1);
        var runs = new ConcurrentQueue<(string EventId, int Attempt)>();
        var taken = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource<WebhookApp>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", async (c, ct) =>
            {
                var self = await started.Task;
                runs.Enqueue((c.Event.EventId, c.Attempt));
                self.Time.Advance(lease / 4);
                foreach (var e in await self.Events.LeaseAsync("other-instance:0", self.Time.GetUtcNow(), lease, Events, ct))
                {
                    taken.Enqueue(e.EventId);
                }
            }),
            "--Mooring:Webhooks:Workers=1",
            $"--Mooring:Webhooks:BatchSize={Events}",
            "--Mooring:Webhooks:LeaseDuration=00:01:00");
        started.SetResult(app);
        using var processed = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), "Mooring.Webhooks", "mooring.webhooks.processed");
        var ids = Enumerable.Range(0, Events).Select(i => $"evt_slow_{i}").ToList();

        // Stored pending in one transaction, so that the worker leases them in one batch.
        await app.Events.AppendAsync([.. ids.Select(id => PendingEvent(app, id))], Ct);
        app.Services.GetRequiredService<WebhookSignal>().Pulse();

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Count(e => e.Status == WebhookEventStatus.Completed) == Events);
        runs.Select(r => r.EventId).ShouldBe(ids, ignoreOrder: true);
        runs.ShouldAllBe(r => r.Attempt == 1);
        taken.ShouldBeEmpty();
        (await app.AllEventsAsync()).ShouldAllBe(e => e.Attempts == 1 && e.LeaseOwner == null);
        processed.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"]).ShouldBe(Enumerable.Repeat<string?>("completed", Events));
    }

    [Fact]
    public async Task HandedOverEvent_TakenByAnotherWorkerWhileItWaited_IsNotRunByTheStaleWorker()
    {
        var entered = new ConcurrentQueue<string>();
        var release = new SemaphoreSlim(0);
        await using var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", async (c, ct) =>
            {
                entered.Enqueue(c.Event.EventId);
                if (c.Event.EventId == "evt_slow")
                {
                    await release.WaitAsync(ct);
                }
            }),
            "--Mooring:Webhooks:Workers=1",
            "--Mooring:Webhooks:BatchSize=1",
            "--Mooring:Webhooks:LeaseDuration=00:01:00");
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_slow"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WebhookApp.EventuallyAsync(() => Task.FromResult(entered.Count == 1));
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_waiting"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_untaken"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).ShouldAllBe(e => e.Status == WebhookEventStatus.Processing && e.LeaseOwner!.EndsWith(":inbox"), "handed over, waiting in memory");

        // The worker is stuck in evt_slow's handler past the lease: another instance takes evt_slow and evt_waiting.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var taken = await app.Events.LeaseAsync("other-instance:0", app.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 2, Ct);
        taken.Select(e => e.EventId).ShouldBe(["evt_slow", "evt_waiting"]);
        release.Release();
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_after"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single(e => e.EventId == "evt_after").Status == WebhookEventStatus.Completed);
        entered.ToList().ShouldBe(["evt_slow", "evt_untaken", "evt_after"], customMessage: "evt_waiting is another worker's now; evt_untaken, whose lease ran out too, runs once");
        var events = (await app.AllEventsAsync()).ToDictionary(e => e.EventId);
        events["evt_waiting"].ShouldSatisfyAllConditions(
            e => e.Status.ShouldBe(WebhookEventStatus.Processing), e => e.LeaseOwner.ShouldBe("other-instance:0"), e => e.Attempts.ShouldBe(2));
        events["evt_untaken"].Status.ShouldBe(WebhookEventStatus.Completed);
    }

    private static WebhookEventRecord PendingEvent(WebhookApp app, string id) => new()
    {
        Provider = ProviderKey.Parse("stripe"),
        EventId = id,
        EventType = "payment_intent.succeeded",
        ReceivedAt = app.Time.GetUtcNow(),
        Body = System.Text.Encoding.UTF8.GetBytes(WebhookApp.StripeEvent(id)),
    };

    [Fact]
    public async Task Routing_ByPayloadAccountOrPathSegment_FindsTheConnection()
    {
        var routed = new ConcurrentDictionary<string, ConnectionId?>();
        await using var app = await WebhookApp.StartAsync(m => m.OnWebhook("stripe", (c, _) =>
        {
            routed[c.Event.EventId] = c.ConnectionId;
            return Task.CompletedTask;
        }));
        await app.Services.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection
            {
                Id = ConnectionId.Parse("conn-stripe-1"), Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey,
                Metadata = new Dictionary<string, string> { ["account_id"] = "acct_42" },
            },
            new ConnectionCredentials { AccessToken = "sk_test_x" },
            Ct);

        await WebhookConnectionSegmentTests.CreateConnectionAsync(app, "conn-explicit", "stripe");

        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_acct", account: "acct_42"));
        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_other", account: "acct_unknown"));
        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_path"), path: "/webhooks/stripe/conn-explicit");

        await WebhookApp.EventuallyAsync(() => Task.FromResult(routed.Count == 3));
        routed["evt_acct"].ShouldBe(ConnectionId.Parse("conn-stripe-1"));
        routed["evt_other"].ShouldBeNull();
        routed["evt_path"].ShouldBe(ConnectionId.Parse("conn-explicit"));
        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).All(e => e.Status == WebhookEventStatus.Completed));
        (await app.AllEventsAsync()).Single(e => e.EventId == "evt_acct").ConnectionId.ShouldBe(ConnectionId.Parse("conn-stripe-1"));
    }

    [Fact]
    public async Task ManagementApi_ListsFiltersAndShowsEvents()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");
        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_a", "invoice.paid"));
        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_b", "charge.refunded"));

        var list = await app.Http.GetFromJsonAsync<JsonElement>("/api/webhooks/events?type=invoice.paid&status=pending", Ct);
        var id = list.GetProperty("data")[0].GetProperty("id").GetInt64();
        var detail = await app.Http.GetFromJsonAsync<JsonElement>($"/api/webhooks/events/{id}", Ct);
        var badStatus = await app.Http.GetAsync("/api/webhooks/events?status=nope", Ct);
        var missing = await app.Http.GetAsync("/api/webhooks/events/999999", Ct);
        using var anonymous = new HttpClient { BaseAddress = app.Http.BaseAddress };
        var unauthorized = await anonymous.GetAsync("/api/webhooks/events", Ct);

        list.GetProperty("data").GetArrayLength().ShouldBe(1);
        detail.GetProperty("event_id").GetString().ShouldBe("evt_a");
        detail.GetProperty("body").GetString().ShouldBe(WebhookApp.StripeEvent("evt_a", "invoice.paid"));
        (badStatus.StatusCode, missing.StatusCode, unauthorized.StatusCode).ShouldBe((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized));
    }

    private static async Task Execute(StoreTransaction tx, string sql, string id, CancellationToken ct)
    {
        await using var command = tx.CreateCommand(sql);
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id;
        command.Parameters.Add(p);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<string>> CountEffectsAsync(WebhookApp app)
    {
        await using var db = await app.OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT event_id FROM effects";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
