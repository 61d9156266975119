using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mooring.Sandbox.Webhooks;
using Stripe;

namespace Mooring.Sandbox.Tests.Webhooks;

public sealed class WebhookSenderTests
{
    [Fact]
    public async Task Stripe_EventsSignedByTheSandbox_AreAcceptedByStripeNetConstructEvent()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await new CustomerService(Stripe.StripeNetFidelityTests.Client(sandbox)).CreateAsync(new CustomerCreateOptions { Email = "w@example.com" }, cancellationToken: TestContext.Current.CancellationToken);
        const string secret = "whsec_test_secret";

        var results = await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.Stripe, secret, sandbox.Control.StripeEvents(), cancellationToken: TestContext.Current.CancellationToken);

        results.Single().StatusCode.ShouldBe(200);
        var (headers, body) = receiver.Received.Single();
        var now = sandbox.Time.GetUtcNow().ToUnixTimeSeconds();
        var evt = EventUtility.ConstructEvent(body, headers["Stripe-Signature"], secret, 300, now);
        evt.Type.ShouldBe("customer.created");
        ((Customer)evt.Data.Object).Email.ShouldBe("w@example.com");
        Should.Throw<StripeException>(() => EventUtility.ConstructEvent(body, headers["Stripe-Signature"], "whsec_other", 300, now));
    }

    [Fact]
    public async Task Stripe_StaleDelivery_IsRejectedByStripeNetTolerance()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var message = new WebhookMessage("evt_1", "ping", "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"type\":\"ping\",\"data\":{\"object\":{}}}");
        await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.Stripe, "whsec_x", [message], new WebhookDeliveryOptions { Staleness = TimeSpan.FromMinutes(10) }, TestContext.Current.CancellationToken);
        var (headers, body) = receiver.Received.Single();
        var ex = Should.Throw<StripeException>(() => EventUtility.ConstructEvent(body, headers["Stripe-Signature"], "whsec_x", 300, sandbox.Time.GetUtcNow().ToUnixTimeSeconds()));
        ex.Message.ShouldContain("tolerance");
    }

    [Fact]
    public async Task Slack_SignatureMatchesV0SchemeOverTimestampAndBody()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var message = new WebhookMessage("Ev1", "event_callback", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}");
        await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.Slack, "8f742231b10e8888abcd99yyyzzz85a5", [message], cancellationToken: TestContext.Current.CancellationToken);

        var (headers, body) = receiver.Received.Single();
        var ts = headers["X-Slack-Request-Timestamp"];
        ts.ShouldBe(sandbox.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        headers["X-Slack-Signature"].ShouldBe("v0=" + Hmac("8f742231b10e8888abcd99yyyzzz85a5", $"v0:{ts}:{body}"));
    }

    [Fact]
    public async Task GitHub_SignatureAndHeaders_FollowTheHookshotScheme()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var message = new WebhookMessage("72d3162e-cc78-11e3-81ab-4c9367dc0958", "issues", "{\"action\":\"opened\"}");
        await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.GitHub, "It's a Secret to Everybody", [message], cancellationToken: TestContext.Current.CancellationToken);

        var (headers, body) = receiver.Received.Single();
        headers["X-GitHub-Event"].ShouldBe("issues");
        headers["X-GitHub-Delivery"].ShouldBe(message.Id);
        headers["X-Hub-Signature-256"].ShouldBe("sha256=" + Hmac("It's a Secret to Everybody", body));
    }

    [Fact]
    public void GitHub_Signature_MatchesGitHubsPublishedExample()
    {
        // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
        var signed = WebhookSigner.Sign(WebhookScheme.GitHub, "It's a Secret to Everybody", new WebhookMessage("d", "ping", "Hello, World!"), DateTimeOffset.UnixEpoch);
        signed.Headers.Single(h => h.Key == "X-Hub-Signature-256").Value.ShouldBe("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    [Fact]
    public async Task StandardWebhooks_SignatureIsAcceptedByTheReferenceLibrary()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.TimeProvider = TimeProvider.System);
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = WebhookSigner.NewStandardSecret();
        var message = new WebhookMessage("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "invoice.paid", "{\"type\":\"invoice.paid\"}");
        await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.StandardWebhooks, secret, [message], cancellationToken: TestContext.Current.CancellationToken);

        var (headers, body) = receiver.Received.Single();
        var collection = new Microsoft.AspNetCore.Http.HeaderDictionary();
        foreach (var name in (string[])["webhook-id", "webhook-timestamp", "webhook-signature"])
        {
            collection[name] = headers[name];
        }

        Should.NotThrow(() => new StandardWebhooks.StandardWebhook(secret).Verify(body, collection));
        Should.Throw<Exception>(() => new StandardWebhooks.StandardWebhook(WebhookSigner.NewStandardSecret()).Verify(body, collection));
    }

    [Fact]
    public async Task Delivery_DuplicatesAndOutOfOrder_AreDeterministicFromTheSeed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var messages = Enumerable.Range(1, 10).Select(i => new WebhookMessage($"m{i}", "t", $"{{\"n\":{i}}}")).ToList();
        var options = new WebhookDeliveryOptions { Seed = 3, DuplicateRate = 0.3, OutOfOrder = true };

        var first = await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.StandardWebhooks, WebhookSigner.NewStandardSecret(), messages, options, TestContext.Current.CancellationToken);
        var second = await sandbox.Host.Webhooks.SendAsync(receiver.Url, WebhookScheme.StandardWebhooks, WebhookSigner.NewStandardSecret(), messages, options, TestContext.Current.CancellationToken);

        second.Select(r => (r.MessageId, r.Duplicate)).ShouldBe(first.Select(r => (r.MessageId, r.Duplicate)));
        first.Count.ShouldBeGreaterThan(10);
        first.Select(r => r.MessageId).Distinct().Count().ShouldBe(10);
        first.Where(r => !r.Duplicate).Select(r => r.MessageId).ShouldNotBe(messages.Select(m => m.Id));
        receiver.Received.Count.ShouldBe(first.Count * 2);
    }

    private static string Hmac(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
}
