using Mooring.Connections;
using Mooring.Core.Tests.Providers;
using Mooring.Providers;
using Mooring.Webhooks;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

public sealed class WebhookEventReaderTests
{
    [Fact]
    public void Read_BuiltInProviders_TakeIdTypeAndAccountFromTheCatalogLocations()
    {
        var stripe = Reader("stripe");
        var github = Reader("github");

        var s = stripe.Read(Of("""{"id":"evt_9","type":"invoice.paid","account":"acct_7"}""", ("Stripe-Signature", "t=1,v1=ab")), Now, null, null).Event!;
        var g = github.Read(
            Of("""{"installation":{"id":42}}""", ("X-GitHub-Delivery", "d-1"), ("X-GitHub-Event", "issues"), ("X-Hub-Signature-256", "sha256=00")), Now, null, null).Event!;

        (s.EventId, s.EventType, s.AccountRef).ShouldBe(("evt_9", "invoice.paid", "acct_7"));
        (g.EventId, g.EventType, g.AccountRef).ShouldBe(("d-1", "issues", "42"));
        s.Headers.Keys.ShouldNotContain("Stripe-Signature", StringComparer.OrdinalIgnoreCase);
        g.Headers.Keys.ShouldNotContain("X-Hub-Signature-256", StringComparer.OrdinalIgnoreCase);
        g.Headers["X-GitHub-Delivery"].ShouldBe("d-1");
    }

    [Fact]
    public void Read_GoogleChannel_KeysByChannelAndMessageNumberAndDropsTheToken()
    {
        var reader = Reader("google-calendar");

        var e = reader.Read(
            Of(string.Empty, ("X-Goog-Channel-ID", "ch-1"), ("X-Goog-Message-Number", "7"), ("X-Goog-Resource-State", "exists"), ("X-Goog-Channel-Token", "tok")),
            Now, null, null).Event!;

        e.EventId.ShouldBe("ch-1:7");
        e.AccountRef.ShouldBe("ch-1");
        e.Headers.Keys.ShouldNotContain("X-Goog-Channel-Token", StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_NoEventIdOrNotJson_IsRefused()
    {
        var reader = Reader("stripe");

        reader.Read(Of("""{"type":"x"}"""), Now, null, null).Rejection.ShouldBe(WebhookRejection.MissingEventId);
        reader.Read(Of("not json"), Now, null, null).Rejection.ShouldBe(WebhookRejection.MalformedBody);
    }

    [Fact]
    public void Read_FormEncodedSlackOrGitHubDelivery_IsRefusedAsUnsupportedContentType()
    {
        // Slack's slash commands and interactivity (payload=…) are signed like its events but are not JSON; nor is a GitHub
        // hook set to the "application/x-www-form-urlencoded" content type.
        const string Form = "application/x-www-form-urlencoded";
        var slack = Reader("slack");
        var github = Reader("github");

        var command = slack.Read(Of("token=t&team_id=T1&command=%2Fdeploy&text=now", ("Content-Type", Form)), Now, null, null);
        var interaction = slack.Read(Of("payload=%7B%22type%22%3A%22block_actions%22%7D", ("Content-Type", Form + "; charset=utf-8")), Now, null, null);
        var hook = github.Read(Of("payload=%7B%7D", ("Content-Type", Form), ("X-GitHub-Delivery", "d-1"), ("X-GitHub-Event", "push")), Now, null, null);
        var notJson = slack.Read(Of("not json", ("Content-Type", "application/json")), Now, null, null);

        command.Rejection.ShouldBe(WebhookRejection.UnsupportedContentType);
        interaction.Rejection.ShouldBe(WebhookRejection.UnsupportedContentType);
        hook.Rejection.ShouldBe(WebhookRejection.UnsupportedContentType);
        WebhookRejection.UnsupportedContentType.StatusCode.ShouldBe(415);
        notJson.Rejection.ShouldBe(WebhookRejection.MalformedBody);
    }

    [Fact]
    public void Create_EveryBuiltInSchemeButPubSub_HasAVerifier()
    {
        var definitions = CatalogFactory.Load().Definitions.Values;

        definitions.Count(d => d.Webhooks is not null).ShouldBeGreaterThanOrEqualTo(4);
        foreach (var definition in definitions.Where(d => d.Webhooks is { Scheme: not (WebhookSignatureScheme.None or WebhookSignatureScheme.GooglePubSubOidc) }))
        {
            WebhookVerifierFactory.Create(definition.Webhooks!, ["a-long-enough-secret"]).ShouldNotBeNull(definition.Key.Value);
        }
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterAndIsCapped()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(1, 12).Select(a => RetryBackoff.Delay(a, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10), random)).ToList();

        delays[0].ShouldBeInRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        delays[3].ShouldBeInRange(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80));
        delays[11].ShouldBeInRange(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        Enumerable.Range(0, 20).Select(_ => RetryBackoff.Delay(3, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), random)).Distinct().Count().ShouldBeGreaterThan(10);
    }

    private static WebhookEventReader Reader(string key) => new(ProviderKey.Parse(key), CatalogFactory.LoadValid(key).Webhooks!);
}
