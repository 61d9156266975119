using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Webhooks;
using Octokit;
using Stripe;

namespace Mooring.Sandbox.Tests.Webhooks;

/// <summary>Endpoints registered with an emulator receive what it produces, when the test says so.</summary>
public sealed class WebhookEndpointTests
{
    [Fact]
    public async Task Stripe_RegisteredEndpoint_ReceivesEachEventOnceInOrder()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        const string secret = "whsec_endpoint";
        sandbox.Host.Webhooks.AddEndpoint(SandboxProvider.Stripe, receiver.Url, secret);
        var client = Stripe.StripeNetFidelityTests.Client(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions { PaymentMethod = "pm_card_visa" }, cancellationToken: ct);
        await new SubscriptionService(client).CreateAsync(new SubscriptionCreateOptions { Customer = customer.Id, Items = [new SubscriptionItemOptions { Price = "price_1" }] }, cancellationToken: ct);

        var results = await sandbox.Host.Webhooks.DeliverPendingAsync(ct);
        (await sandbox.Host.Webhooks.DeliverPendingAsync(ct)).ShouldBeEmpty();

        results.ShouldAllBe(r => r.StatusCode == 200);
        var now = sandbox.Time.GetUtcNow().ToUnixTimeSeconds();
        var types = receiver.Received.Select(r => EventUtility.ConstructEvent(r.Body, r.Headers["Stripe-Signature"], secret, 300, now).Type).ToList();
        types.ShouldBe(["customer.created", "customer.subscription.created", "invoice.created", "invoice.paid"]);
    }

    [Fact]
    public async Task GitHub_IssueOpenedAndEdited_ArriveAsSignedIssuesDeliveries()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        sandbox.Host.Webhooks.AddEndpoint(SandboxProvider.GitHub, receiver.Url, "gh-secret");
        var github = new GitHubClient(new ProductHeaderValue("tests"), sandbox.Host.BaseAddress) { Credentials = new Credentials(sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken) };
        var issue = await github.Issue.Create("acme", "widgets", new NewIssue("Webhooks please"));
        await github.Issue.Update("acme", "widgets", issue.Number, new IssueUpdate { Title = "Webhooks, please" });

        await sandbox.Host.Webhooks.DeliverPendingAsync(TestContext.Current.CancellationToken);

        var deliveries = receiver.Received.ToList();
        deliveries.Select(d => JsonNode.Parse(d.Body)!["action"]!.GetValue<string>()).ShouldBe(["opened", "edited"]);
        deliveries.ShouldAllBe(d => d.Headers["X-GitHub-Event"] == "issues");
        deliveries.Select(d => d.Headers["X-GitHub-Delivery"]).Distinct().Count().ShouldBe(2);
        foreach (var (headers, body) in deliveries)
        {
            headers["X-Hub-Signature-256"].ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("gh-secret"), Encoding.UTF8.GetBytes(body))));
        }

        JsonNode.Parse(deliveries[1].Body)!["issue"]!["title"]!.GetValue<string>().ShouldBe("Webhooks, please");
    }

    [Fact]
    public async Task Slack_PostedMessage_ArrivesAsEventCallback()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        sandbox.Host.Webhooks.AddEndpoint(SandboxProvider.Slack, receiver.Url, "slack-signing-secret", new WebhookDeliveryOptions { DuplicateRate = 1 });
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var channel = (await Slack.SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]![0]!["id"]!.GetValue<string>();
        await Slack.SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channel, ["text"] = "ship it" });

        var results = await sandbox.Host.Webhooks.DeliverPendingAsync(TestContext.Current.CancellationToken);

        results.Select(r => r.Duplicate).ShouldBe([false, true]);
        var bodies = receiver.Received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        bodies[0]["event_id"]!.GetValue<string>().ShouldBe(bodies[1]["event_id"]!.GetValue<string>());
        bodies[0]["type"]!.GetValue<string>().ShouldBe("event_callback");
        bodies[0]["event"]!["text"]!.GetValue<string>().ShouldBe("ship it");
        bodies[0]["event"]!["channel"]!.GetValue<string>().ShouldBe(channel);
    }
}
