using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Mooring.Outbound.Telemetry;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>One activity per call and the outbound meter's counters.</summary>
public sealed class TelemetryTests : OutboundTestBase
{
    [Fact]
    public async Task Call_WithRetry_HasOneActivityAndCountsAttemptsAndRetries()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 502, MaxHits = 1 });
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OutboundTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var meter = Host.Get<System.Diagnostics.Metrics.IMeterFactory>();
        using var attempts = new MetricCollector<long>(meter, OutboundTelemetry.Name, "mooring.outbound.attempts");
        using var retries = new MetricCollector<long>(meter, OutboundTelemetry.Name, "mooring.outbound.retries");
        using var calls = new MetricCollector<long>(meter, OutboundTelemetry.Name, "mooring.outbound.calls");

        using (await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers") { Operation = "GET /v1/customers" }, Ct)))
        {
        }

        // The listener hears every host in the process: keep this connection's calls.
        var activity = activities.Where(a => (string?)a.GetTagItem("mooring.connection") == connection.Id.Value).ShouldHaveSingleItem();
        activity.DisplayName.ShouldBe("stripe GET /v1/customers");
        activity.GetTagItem("mooring.provider").ShouldBe("stripe");
        activity.GetTagItem("mooring.attempts").ShouldBe(2);
        activity.GetTagItem("http.response.status_code").ShouldBe(200);
        attempts.GetMeasurementSnapshot().Sum(m => m.Value).ShouldBe(2);
        retries.GetMeasurementSnapshot().Sum(m => m.Value).ShouldBe(1);
        calls.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["operation"].ShouldBe("GET /v1/customers");
    }
}

/// <summary>
/// <c>mooring.outbound.errors</c> counts each failed call once, by provider and the category its caller gets, answered or
/// not. The request log is off, so that the call reads what only a body tells on its own.
/// </summary>
public sealed class ErrorMetricTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:Outbound:RequestLog:Enabled"] = "false" };

    [Fact]
    public async Task SlackOkFalseWithHttp200_CountsAsAnError_WithItsCategory()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        using var errors = Errors();

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<Providers.Slack.SlackClient>().PostMessageAsync(connection.Id, "C0NOSUCH", "hello", Ct));

        error.StatusCode.ShouldBe(200);
        Counted(errors).ShouldBe([("slack", "not_found")]);
    }

    [Fact]
    public async Task AnsweredFailures_CountOncePerCall_AndARetriedSuccessNotAtAll()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var api = Host.Get<IProviderApi>();
        using var errors = Errors();

        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 502, MaxHits = 1 });
        using (await Host.DriveAsync(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)))
        {
        }

        var missing = await Should.ThrowAsync<ProviderApiException>(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers/cus_missing"), Ct));
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503 });
        var unavailable = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)));

        missing.StatusCode.ShouldBe(404);
        unavailable.StatusCode.ShouldBe(503);
        unavailable.Attempts.ShouldBe(4);
        Counted(errors).ShouldBe([("stripe", "not_found"), ("stripe", "provider_unavailable")]);
    }

    [Fact]
    public async Task CallRefusedForAForeignHost_CountsAsAFailedValidationCall()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        using var errors = Errors();
        using var calls = new MetricCollector<long>(Host.Get<System.Diagnostics.Metrics.IMeterFactory>(), OutboundTelemetry.Name, "mooring.outbound.calls");
        using var client = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);

        await Should.ThrowAsync<ProviderApiException>(client.GetAsync(new Uri("https://collector.example/v1/customers"), Ct));

        Counted(errors).ShouldBe([("stripe", "validation")]);
        calls.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["outcome"].ShouldBe("validation");
    }

    private MetricCollector<long> Errors() =>
        new(Host.Get<System.Diagnostics.Metrics.IMeterFactory>(), OutboundTelemetry.Name, "mooring.outbound.errors");

    private static List<(string?, string?)> Counted(MetricCollector<long> errors) =>
        [.. errors.GetMeasurementSnapshot().SelectMany(m => Enumerable.Repeat(((string?)m.Tags["provider"], (string?)m.Tags["error.category"]), (int)m.Value))];
}

/// <summary>Polly's own telemetry of the <c>mooring-call</c> pipelines: reported only when <see cref="OutboundOptions.PollyTelemetry"/> asks for it.</summary>
public sealed class PollyTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task RetriedCall_ReportsPollyRetryEvents_OnlyWhenAskedFor(bool pollyTelemetry, int retryEvents)
    {
        await using var host = await OutboundHost.StartAsync(
            options => options.RateLimits.Enabled = false,
            new() { ["Mooring:Outbound:PollyTelemetry"] = pollyTelemetry ? "true" : "false" },
            Ct);
        var connection = await host.ApiKeyConnectionAsync("stripe");
        host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 502, MaxHits = 1 });
        using var events = new MetricCollector<int>(null, "Polly", "resilience.polly.strategy.events");

        using (await host.DriveAsync(host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)))
        {
        }

        // Polly's meter is process-wide: count this test's pipeline instance (each host's stripe pipeline is its own,
        // but only this test turns the telemetry on).
        events.GetMeasurementSnapshot()
            .Count(m => Tag(m, "event.name") == "OnRetry" && Tag(m, "pipeline.name") == "mooring-call" && Tag(m, "pipeline.instance") == "stripe")
            .ShouldBe(retryEvents);
    }

    private static string? Tag(CollectedMeasurement<int> measurement, string name) => measurement.Tags.GetValueOrDefault(name) as string;
}

/// <summary>Only the call's budget and attempt timeouts bound a call: not HttpClient's own 100 s.</summary>
public sealed class ClientTimeoutTests : OutboundTestBase
{
    [Fact]
    public async Task ConnectionClients_HaveNoTimeoutOfTheirOwn()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");

        using var client = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);
        using var named = Host.Get<IHttpClientFactory>().CreateClient(OutboundConstants.HttpClientName);

        client.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
        named.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }
}

/// <summary>Outbound settings are checked at start-up, per provider, with the setting named.</summary>
public sealed class OutboundOptionsTests
{
    [Fact]
    public async Task InvalidProviderOverride_FailsStartWithTheSettingNamed()
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(OutboundHost.StartAsync(settings: new()
        {
            ["Mooring:Outbound:Providers:stripe:MaxAttempts"] = "0",
            ["Mooring:Outbound:AttemptTimeout"] = "00:01:00",
        }, cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Mooring:Outbound:Providers:stripe:MaxAttempts must be between 1 and 101 (it is 0).");
        error.Message.ShouldContain("Mooring:Outbound:AttemptTimeout must be between");
    }

    [Fact]
    public void ProviderOverride_TakesTheRestFromTheTopLevel()
    {
        var options = new OutboundOptions { AttemptTimeout = TimeSpan.FromSeconds(3) };
        options.Providers["stripe"] = new OutboundProviderOptions { MaxAttempts = 2 };

        var stripe = options.PolicyFor("stripe");

        stripe.MaxAttempts.ShouldBe(2);
        stripe.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        options.PolicyFor("slack").MaxAttempts.ShouldBe(4);
    }
}
