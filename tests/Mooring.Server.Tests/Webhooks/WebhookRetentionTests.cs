using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>The retention pass of a running server: what outlives its retention goes, what is configured to stay stays.</summary>
public sealed class WebhookRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompletedEvents_PastTheirRetention_GoWithTheOldRequestLog_AndARepeatIsTakenAsNew()
    {
        await using var app = await WebhookApp.StartAsync();
        var log = await SeedAsync(app, "evt_kept_0", "evt_kept_1", "evt_kept_2");

        app.Time.Advance(TimeSpan.FromDays(31));

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Count == 0);
        await WebhookApp.EventuallyAsync(async () => (await log.QueryAsync(new RequestLogQuery(), Ct)).Count == 0);
        (await app.PostStripeAsync(WebhookApp.StripeEvent("evt_kept_0"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AllEventsAsync()).ShouldHaveSingleItem().EventId.ShouldBe("evt_kept_0");
    }

    [Fact]
    public async Task EmptyWebhookEventsRetention_KeepsEventsForGood()
    {
        await using var app = await WebhookApp.StartAsync(null, "--Mooring:Retention:WebhookEvents=");
        var log = await SeedAsync(app, "evt_forever");

        app.Time.Advance(TimeSpan.FromDays(400));

        // The request log going shows that a pass ran.
        await WebhookApp.EventuallyAsync(async () => (await log.QueryAsync(new RequestLogQuery(), Ct)).Count == 0);
        (await app.AllEventsAsync()).ShouldHaveSingleItem().EventId.ShouldBe("evt_forever");
    }

    /// <summary>Events received and processed now, and a request log entry written now.</summary>
    private static async Task<IRequestLogStore> SeedAsync(WebhookApp app, params string[] eventIds)
    {
        var log = app.Services.GetRequiredService<IRequestLogStore>();
        await log.AppendAsync([new RequestLogEntry { At = app.Time.GetUtcNow(), Provider = ProviderKey.Parse("stripe"), Method = "GET", Path = "/v1/customers", Status = 200, DurationMs = 3 }], Ct);
        foreach (var id in eventIds)
        {
            (await app.PostStripeAsync(WebhookApp.StripeEvent(id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await WebhookApp.EventuallyAsync(async () => (await app.AllEventsAsync()).Count(e => e.Status == WebhookEventStatus.Completed) == eventIds.Length);
        return log;
    }
}
