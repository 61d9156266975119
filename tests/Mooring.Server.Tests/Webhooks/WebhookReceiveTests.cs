using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>The providers' endpoint of an embedded app: verified, durable before acknowledged, handled once.</summary>
public sealed class WebhookReceiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_SignedStripeEvent_IsStoredBeforeTheAckAndHandledOnce()
    {
        var handled = new TaskCompletionSource<WebhookContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await WebhookApp.StartAsync(
            m => m.OnWebhook("stripe", "payment_intent.succeeded", (context, _) => { handled.TrySetResult(context); return Task.CompletedTask; }),
            "--Mooring:Webhooks:Workers=0");
        var body = WebhookApp.StripeEvent("evt_1");

        var response = await app.PostStripeAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("accepted");
        var stored = (await app.AllEventsAsync()).ShouldHaveSingleItem(); // no worker runs: what is there was written before the 200
        (stored.EventId, stored.EventType, stored.Status).ShouldBe(("evt_1", "payment_intent.succeeded", WebhookEventStatus.Pending));
        Encoding.UTF8.GetString(stored.Body).ShouldBe(body);
        stored.Headers.Keys.ShouldNotContain("Stripe-Signature", StringComparer.OrdinalIgnoreCase);
        handled.Task.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Post_WhenTheStoreFails_Is503WithRetryAfterAndAcknowledgesNothingWhileLaterEventsGoIn()
    {
        await using var app = await WebhookApp.StartAsync(configure: null, "--Mooring:Webhooks:Workers=0");
        await using (var db = await app.OpenDatabaseAsync())
        {
            // The database refuses one event, as a full disk or a broken file would refuse them all.
            await using var trigger = db.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON webhook_events WHEN NEW.event_id = 'evt_refused' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END";
            await trigger.ExecuteNonQueryAsync(Ct);
        }

        var refused = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_refused"));
        var later = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_later"));

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var answer = await refused.Content.ReadAsStringAsync(Ct);
        answer.ShouldContain("store_unavailable");
        answer.ShouldNotContain("disk on fire", customMessage: "the store's own error stays in the log");
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).Select(e => e.EventId).ShouldBe(["evt_later"]);
    }

    [Fact]
    public async Task Post_Handled_RunsTheMatchingHandlersAndCompletes()
    {
        var calls = new ConcurrentBag<string>();
        await using var app = await WebhookApp.StartAsync(m => m
            .OnWebhook("stripe", "payment_intent.succeeded", (c, _) => { calls.Add("specific:" + c.Event.EventId); return Task.CompletedTask; })
            .OnWebhook("stripe", (c, _) => { calls.Add("any:" + c.Json.GetProperty("id").GetString()); return Task.CompletedTask; })
            .OnWebhook("stripe", "invoice.paid", (c, _) => { calls.Add("other"); return Task.CompletedTask; }));

        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_h"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Single().Status == WebhookEventStatus.Completed);
        calls.OrderBy(c => c).ShouldBe(["any:evt_h", "specific:evt_h"]);
    }

    [Fact]
    public async Task Post_SameEventTwice_IsAcknowledgedTwiceAndStoredOnce()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");

        var first = await (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_d"))).Content.ReadAsStringAsync(Ct);
        var second = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_d"));

        first.ShouldContain("accepted");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldContain("duplicate");
        (await app.AllEventsAsync()).Count.ShouldBe(1);
    }

    public static TheoryData<string, string, int, string> Refusals => new()
    {
        { "forged", "t={now},v1=" + new string('a', 64), 401, "signature_mismatch" },
        { "stale", "stale", 401, "timestamp_outside_tolerance" },
        { "future", "future", 401, "timestamp_outside_tolerance" },
        { "malformed", "t={now},v1=xyz", 400, "malformed_signature" },
        { "bad-timestamp", "t=yesterday,v1=xyz", 400, "malformed_timestamp" },
        { "missing", string.Empty, 401, "missing_signature" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Post_BadSignature_IsRefusedWithAReasonStoresNothingAndCounts(string name, string header, int status, string code)
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");
        using var received = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Mooring.Webhooks", "mooring.webhooks.received");
        var body = WebhookApp.StripeEvent("evt_" + name);
        var signature = header switch
        {
            "stale" => TestSecrets.StripeHeader(body, app.Now - 301),
            "future" => TestSecrets.StripeHeader(body, app.Now + 301),
            _ => header.Replace("{now}", app.Now.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };

        var response = await app.PostStripeAsync(body, signature);

        ((int)response.StatusCode).ShouldBe(status);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain(code);
        text.ShouldNotContain(TestSecrets.Stripe);
        text.ShouldNotContain(TestSecrets.StripeHeader(body, app.Now).Split("v1=")[1]);
        (await app.AllEventsAsync()).ShouldBeEmpty();
        received.GetMeasurementSnapshot().ShouldContain(m => (string?)m.Tags["reason"] == code && (string?)m.Tags["outcome"] == "rejected");
    }

    [Fact]
    public async Task Post_LargerThanTheLimit_Is413WithOrWithoutContentLength()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:MaxBodyBytes=1024", "--Mooring:Webhooks:Workers=0");
        var big = WebhookApp.StripeEvent("evt_big", "x" + new string('y', 2000));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big))) };
        chunked.Headers.TryAddWithoutValidation("Stripe-Signature", TestSecrets.StripeHeader(big, app.Now));

        var withLength = await app.PostStripeAsync(big);
        var withoutLength = await app.Http.SendAsync(chunked, Ct);

        withLength.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        withoutLength.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.AllEventsAsync()).ShouldBeEmpty();
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_small"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_UnconfiguredProvider_Is404()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");

        var response = await app.Http.PostAsync("/webhooks/google-calendar", new StringContent(string.Empty), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_SlackUrlVerification_AnswersTheChallengeAndStoresNothing()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");

        var response = await app.PostSlackAsync("""{"token":"t","challenge":"ch4ll3nge","type":"url_verification"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("ch4ll3nge");
        (await app.AllEventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_SlackSlashCommand_Is415UnsupportedContentTypeAndStoresNothing()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");

        var response = await app.PostSlackAsync("token=t&team_id=T1&command=%2Fdeploy&text=now&trigger_id=1.2.3", "application/x-www-form-urlencoded");

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"error\":\"unsupported_content_type\"");
        (await app.AllEventsAsync()).ShouldBeEmpty();
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
