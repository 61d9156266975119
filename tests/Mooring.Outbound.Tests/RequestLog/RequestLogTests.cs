using Microsoft.Extensions.Options;
using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Telemetry;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.Slack;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;
using Mooring.Storage;

namespace Mooring.Outbound.Tests.RequestLog;

/// <summary>Every attempt in the request log, in the store, with templates instead of paths and no secret anywhere.</summary>
public sealed class RequestLogTests : OutboundTestBase
{
    [Fact]
    public async Task EveryAttempt_IsWritten_WithoutQueryOrSecrets()
    {
        var stripe = await Host.ApiKeyConnectionAsync("stripe");
        var slack = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503, MaxHits = 1 });
        using (await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(stripe.Id, new ProviderRequest(HttpMethod.Get, "v1/customers") { Query = [new("email", "ada@example.com")] }, Ct)))
        {
        }

        await Host.Get<SlackClient>().PostMessageAsync(slack.Id, "#general", "hello", Ct);
        await Host.Get<RequestLogWriter>().FlushAsync(Ct);

        var store = Host.Get<IRequestLogStore>();
        var stripeLog = (await store.QueryAsync(new RequestLogQuery { ConnectionId = stripe.Id }, Ct)).OrderBy(e => e.Attempt).ToList();
        stripeLog.Select(e => (e.Attempt, e.Status, e.ErrorCategory)).ShouldBe([(1, 503, "provider_unavailable"), (2, 200, null)]);
        stripeLog.ShouldAllBe(e => e.Path == "/v1/customers" && e.Method == "GET" && e.Provider.Value == "stripe" && e.TraceId != null);
        stripeLog.Select(e => e.TraceId).Distinct().Count().ShouldBe(1);
        var slackLog = (await store.QueryAsync(new RequestLogQuery { ConnectionId = slack.Id }, Ct)).Single();
        slackLog.Path.ShouldBe("chat.postMessage");
        slackLog.Status.ShouldBe(200);

        var (_, slackCredentials) = (await Host.Get<Connections.IConnectionVault>().GetAsync(slack.Id, Ct)).ShouldNotBeNull();
        var secrets = new[] { Host.Sandbox.Control.Options.StripeApiKey, slackCredentials!.AccessToken!, "ada@example.com" };
        foreach (var entry in stripeLog.Append(slackLog))
        {
            var text = entry.ToString();
            secrets.ShouldAllBe(secret => !text.Contains(secret, StringComparison.Ordinal));
            entry.Path.ShouldNotContain("?");
        }
    }

    [Theory]
    [InlineData("C0NOSUCH", "hello", "not_found")] // channel_not_found
    [InlineData("#general", "", "validation")] // no_text
    public async Task SlackOkFalseWithHttp200_IsLoggedWithTheCategoryOfItsError(string channel, string text, string category)
    {
        var slack = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<SlackClient>().PostMessageAsync(slack.Id, channel, text, Ct));
        await Host.Get<RequestLogWriter>().FlushAsync(Ct);

        var entry = (await Host.Get<IRequestLogStore>().QueryAsync(new RequestLogQuery { ConnectionId = slack.Id }, Ct)).ShouldHaveSingleItem();
        entry.Status.ShouldBe(200);
        entry.ErrorCategory.ShouldBe(category);
        entry.ErrorCategory.ShouldBe(Outbound.Errors.ErrorCategoryNames.Of(error.Category), "the log says what the caller was told");
    }

    [Fact]
    public async Task StripeExpiredKey401_IsLoggedAsNeedsReconnect_AsTheCallerIsTold()
    {
        Host.Sandbox.Control.Options.AccessTokenLifetime = TimeSpan.FromHours(1);
        var key = Host.Sandbox.Control.IssueToken(SandboxProvider.Stripe).AccessToken;
        var stripe = await Host.ApiKeyConnectionAsync("stripe", key);
        Host.Time.Advance(TimeSpan.FromHours(2));

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(stripe.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct));
        await Host.Get<RequestLogWriter>().FlushAsync(Ct);

        error.ProviderCode.ShouldBe("api_key_expired");
        error.Category.ShouldBe(ProviderErrorCategory.NeedsReconnect);
        var entry = (await Host.Get<IRequestLogStore>().QueryAsync(new RequestLogQuery { ConnectionId = stripe.Id }, Ct)).ShouldHaveSingleItem();
        entry.Status.ShouldBe(401);
        entry.ErrorCategory.ShouldBe("needs_reconnect");
    }

    [Fact]
    public void FullBuffer_DropsAndCounts_WithoutWaiting()
    {
        var options = new OutboundOptions();
        options.RequestLog.Capacity = 2;
        options.RequestLog.BatchSize = 1;
        var queue = new RequestLogQueue(Options.Create(options), Host.Get<OutboundTelemetry>(), Host.Services);

        for (var i = 0; i < 5; i++)
        {
            queue.Add(new RequestLogEntry { At = Host.Time.GetUtcNow(), Provider = Connections.ProviderKey.Parse("stripe"), Method = "GET", Path = "/v1/customers" });
        }

        queue.Enabled.ShouldBeTrue();
        queue.Dropped.ShouldBe(3);
    }
}
