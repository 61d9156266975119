using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Mooring.Connections;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>The optional connection path segment, <c>/webhooks/{provider}/{connection}</c>: well formed, and one of the provider's connections.</summary>
public sealed class WebhookConnectionSegmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("conn!bad", "contains '!'")]
    [InlineData("c123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", "at most 128")]
    public async Task Post_MalformedConnectionSegment_Is404UnknownConnectionNamingTheProblemAndCounts(string segment, string problem)
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");
        using var received = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Mooring.Webhooks", "mooring.webhooks.received");

        var response = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_seg"), path: "/webhooks/stripe/" + segment);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("unknown_connection");
        text.ShouldContain("connection path segment");
        text.ShouldContain(problem);
        (await app.AllEventsAsync()).ShouldBeEmpty();
        received.GetMeasurementSnapshot().ShouldContain(m => (string?)m.Tags["reason"] == "unknown_connection" && (string?)m.Tags["provider"] == "stripe");
    }

    [Fact]
    public async Task Post_ConnectionOfNoneOrAnotherProvider_Is404UnknownConnectionAndStoresNothing()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");
        await CreateConnectionAsync(app, "conn-gh", "github");
        await CreateConnectionAsync(app, "conn-st", "stripe");

        var other = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_other"), path: "/webhooks/stripe/conn-gh");
        var none = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_none"), path: "/webhooks/stripe/conn-none");
        var own = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_own"), path: "/webhooks/stripe/conn-st");

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_connection");
        none.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await none.Content.ReadAsStringAsync(Ct)).ShouldContain("No connection of this provider");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).Select(e => (e.EventId, e.ConnectionId)).ShouldBe([("evt_own", ConnectionId.Parse("conn-st"))]);
    }

    [Fact]
    public async Task Post_ConnectionCreatedAfterARefusal_IsAcceptedOnceTheCachedAnswerExpires()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Webhooks:Workers=0");
        var early = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_early"), path: "/webhooks/stripe/conn-late");
        await CreateConnectionAsync(app, "conn-late", "stripe");

        var cached = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_cached"), path: "/webhooks/stripe/conn-late");
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var fresh = await app.PostStripeAsync(WebhookApp.StripeEvent("evt_fresh"), path: "/webhooks/stripe/conn-late");

        (early.StatusCode, cached.StatusCode, fresh.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK));
        (await app.AllEventsAsync()).Select(e => e.EventId).ShouldBe(["evt_fresh"]);
    }

    /// <summary>Creates a connection the way the host app does, through the vault.</summary>
    internal static Task CreateConnectionAsync(WebhookApp app, string id, string provider) =>
        app.Services.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = ConnectionId.Parse(id), Provider = ProviderKey.Parse(provider), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { AccessToken = "sk_test_x" },
            Ct);
}
