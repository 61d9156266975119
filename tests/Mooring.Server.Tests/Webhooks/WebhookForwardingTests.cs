using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mooring.AspNetCore.Webhooks;
using StandardWebhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>Forwarding to the host app: signed per Standard Webhooks (checked by the StandardWebhooks package), retried after 429 as Retry-After asks, logged.</summary>
public sealed class WebhookForwardingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forward_AfterA429WithRetryAfter_IsRetriedThenDeliveredSignedAndLogged()
    {
        var received = new ConcurrentQueue<(string Id, string Body, string? VerifyError)>();
        await using var receiver = await StartReceiverAsync(received, failFirst: 1);
        await using var app = await WebhookApp.StartAsync(
            null,
            $"--Mooring:Webhooks:Forwarding:Url={receiver.Urls.First()}/hooks",
            $"--Mooring:Webhooks:Forwarding:Secrets:0={TestSecrets.Forwarding}",
            "--Mooring:Webhooks:Forwarding:RetryBaseDelay=00:00:01");

        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_fwd", account: "acct_1"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await app.AllEventsAsync()).Single().Id;
        await WebhookApp.EventuallyAsync(async () => (await DeliveryAsync(app, id)) is { } d && d.GetProperty("status").GetString() == "failed");
        var failed = (await DeliveryAsync(app, id))!.Value;
        var wait = failed.GetProperty("next_attempt_at").GetDateTimeOffset() - app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromSeconds(31));
        await WebhookApp.EventuallyAsync(async () => (await DeliveryAsync(app, id))!.Value.GetProperty("status").GetString() == "delivered");

        failed.GetProperty("last_status_code").GetInt32().ShouldBe(429);
        wait.ShouldBeInRange(TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        var delivered = (await DeliveryAsync(app, id))!.Value;
        delivered.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()).ShouldBe([429, 200]);
        received.Count.ShouldBe(2);
        received.ShouldAllBe(r => r.VerifyError == null);
        received.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        var payload = JsonDocument.Parse(received.Last().Body).RootElement;
        payload.GetProperty("type").GetString().ShouldBe("stripe.payment_intent.succeeded");
        payload.GetProperty("data").GetProperty("payload").GetProperty("id").GetString().ShouldBe("evt_fwd");
        payload.GetProperty("data").GetProperty("account").GetString().ShouldBe("acct_1");
    }

    [Fact]
    public async Task Forward_ToA410_IsDeadAtOnceAndReplayable()
    {
        var received = new ConcurrentQueue<(string Id, string Body, string? VerifyError)>();
        await using var receiver = await StartReceiverAsync(received, failFirst: 1, failure: StatusCodes.Status410Gone);
        await using var app = await WebhookApp.StartAsync(
            null, $"--Mooring:Webhooks:Forwarding:Url={receiver.Urls.First()}/hooks", $"--Mooring:Webhooks:Forwarding:Secrets:0={TestSecrets.Forwarding}");
        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_gone"));
        var id = (await app.AllEventsAsync()).Single().Id;
        await WebhookApp.EventuallyAsync(async () => (await DeliveryAsync(app, id)) is { } d && d.GetProperty("status").GetString() == "dead");

        var replay = await app.Http.PostAsync("/api/webhooks/deliveries/replay", null, Ct);

        (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("replayed").GetInt32().ShouldBe(1);
        await WebhookApp.EventuallyAsync(async () => (await DeliveryAsync(app, id))!.Value.GetProperty("status").GetString() == "delivered");
    }

    [Fact]
    public async Task Forward_AnsweredWithARedirect_IsAFailedAttemptNotFollowed()
    {
        // Followed, a 302 would turn the signed POST into a GET to wherever the Location points.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        var followed = 0;
        receiver.MapPost("/hooks", () => Results.Redirect("/moved"));
        receiver.MapMethods("/moved", ["GET", "POST"], () =>
        {
            Interlocked.Increment(ref followed);
            return Results.Ok();
        });
        await receiver.StartAsync(Ct);
        await using var app = await WebhookApp.StartAsync(
            null, $"--Mooring:Webhooks:Forwarding:Url={receiver.Urls.First()}/hooks", $"--Mooring:Webhooks:Forwarding:Secrets:0={TestSecrets.Forwarding}");

        await app.PostStripeAsync(WebhookApp.StripeEvent("evt_redirected"));
        var id = (await app.AllEventsAsync()).Single().Id;
        await WebhookApp.EventuallyAsync(async () => (await DeliveryAsync(app, id)) is { } d && d.GetProperty("status").GetString() == "failed");

        var failed = (await DeliveryAsync(app, id))!.Value;
        failed.GetProperty("last_status_code").GetInt32().ShouldBe(302);
        followed.ShouldBe(0);
    }

    [Fact]
    public async Task ForwardingClient_HasNoTimeoutOfItsOwn_OnlyForwardingTimeoutBoundsAnAttempt()
    {
        // Forwarding:Timeout may exceed HttpClient's default 100 s; that default would end a longer attempt unlogged.
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Forwarding:Timeout=00:05:00");

        using var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookDefaults.ForwardingHttpClientName);

        client.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    private static async Task<JsonElement?> DeliveryAsync(WebhookApp app, long id)
    {
        var detail = await app.Http.GetFromJsonAsync<JsonElement>($"/api/webhooks/events/{id}", Ct);
        var deliveries = detail.GetProperty("deliveries");
        return deliveries.GetArrayLength() == 0 ? null : deliveries[0];
    }

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string, string, string?)> received, int failFirst, int failure = StatusCodes.Status429TooManyRequests)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var count = 0;
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            string? error = null;
            try
            {
                new StandardWebhook(TestSecrets.Forwarding).Verify(body, http.Request.Headers);
            }
            catch (Exception ex)
            {
                error = ex.Message;
            }

            received.Enqueue((http.Request.Headers["webhook-id"].ToString(), body, error));
            if (Interlocked.Increment(ref count) <= failFirst)
            {
                http.Response.Headers.RetryAfter = "30";
                return Results.StatusCode(failure);
            }

            return Results.Ok();
        });
        await app.StartAsync(Ct);
        return app;
    }
}
