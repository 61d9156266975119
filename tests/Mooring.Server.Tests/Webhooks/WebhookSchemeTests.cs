using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>Every signing scheme through the real endpoint, not only Stripe: signed deliveries are stored once, forgeries nowhere.</summary>
public sealed class WebhookSchemeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(WebhookSchemeCase.Names), MemberType = typeof(WebhookSchemeCase))]
    public async Task Post_SignedAsTheProviderSigns_IsAcceptedAndStoredOnceWithItsIdAndType(string scheme)
    {
        var c = WebhookSchemeCase.Get(scheme);
        await using var app = await WebhookApp.StartAsync(null, [.. c.Settings, "--Mooring:Webhooks:Workers=0"]);
        await (c.Arrange?.Invoke(app) ?? Task.CompletedTask);

        var first = await app.Http.SendAsync(c.Signed(app.Now), Ct);
        var again = await app.Http.SendAsync(c.Signed(app.Now), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        (await first.Content.ReadAsStringAsync(Ct)).ShouldContain("accepted");
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("duplicate");
        var stored = (await app.AllEventsAsync()).ShouldHaveSingleItem();
        (stored.Provider.Value, stored.EventId, stored.EventType).ShouldBe((c.Provider, c.EventId, c.EventType));
    }

    [Theory]
    [MemberData(nameof(WebhookSchemeCase.Names), MemberType = typeof(WebhookSchemeCase))]
    public async Task Post_Forged_IsRefusedWithAReasonAndStoresNothing(string scheme)
    {
        var c = WebhookSchemeCase.Get(scheme);
        await using var app = await WebhookApp.StartAsync(null, [.. c.Settings, "--Mooring:Webhooks:Workers=0"]);
        await (c.Arrange?.Invoke(app) ?? Task.CompletedTask);
        using var received = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Mooring.Webhooks", "mooring.webhooks.received");

        var response = await app.Http.SendAsync(c.Forged(app.Now), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("signature_mismatch");
        (await app.AllEventsAsync()).ShouldBeEmpty();
        received.GetMeasurementSnapshot().ShouldContain(m => (string?)m.Tags["reason"] == "signature_mismatch" && (string?)m.Tags["provider"] == c.Provider);
    }
}
