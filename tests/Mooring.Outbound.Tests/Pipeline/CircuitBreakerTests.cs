using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>A circuit per provider that 5xx answers open and 429s and other 4xx do not; an open circuit sends nothing.</summary>
public sealed class CircuitBreakerTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:Outbound:Providers:stripe:MaxAttempts"] = "1",
        ["Mooring:Outbound:Providers:stripe:CircuitMinimumThroughput"] = "5",
        ["Mooring:Outbound:Providers:slack:MaxAttempts"] = "1",
        ["Mooring:Outbound:Providers:slack:CircuitMinimumThroughput"] = "5",
    };

    [Fact]
    public async Task Repeated503s_OpenTheCircuit_AndLaterCallsAreNotSent()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503 });

        var categories = new List<ProviderErrorCategory>();
        for (var i = 0; i < 10; i++)
        {
            var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct));
            categories.Add(error.Category);
        }

        categories.Take(5).ShouldAllBe(c => c == ProviderErrorCategory.ProviderUnavailable);
        categories.Skip(5).ShouldAllBe(c => c == ProviderErrorCategory.CircuitOpen);
        Host.Wire.Requests.Count.ShouldBe(5);
        var open = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct));
        open.Message.ShouldBe("Mooring is not calling Stripe for a while after repeated failures (circuit open); GET /v1/customers was not sent");
        open.IsRetryable.ShouldBeTrue();
        open.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task OpenCircuit_ClosesAfterBreakDuration_WhenTheProviderRecovers()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var fault = Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503 });
        for (var i = 0; i < 6; i++)
        {
            await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct));
        }

        Host.Sandbox.Control.RemoveFault(fault);
        Host.Time.Advance(TimeSpan.FromSeconds(16));
        using var page = await Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct);

        page.RootElement.GetProperty("data").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(FaultKind.RateLimit, 0, ProviderErrorCategory.RateLimited)]
    [InlineData(FaultKind.Status, 404, ProviderErrorCategory.NotFound)]
    [InlineData(FaultKind.Status, 400, ProviderErrorCategory.Validation)]
    public async Task RateLimitsAndClientErrors_DoNotOpenTheCircuit(FaultKind kind, int status, ProviderErrorCategory expected)
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = kind, StatusCode = status, RetryAfter = TimeSpan.FromMinutes(5) });

        for (var i = 0; i < 12; i++)
        {
            var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct));
            error.Category.ShouldBe(expected);
        }

        Host.Wire.Requests.Count.ShouldBe(12);
    }

    [Fact]
    public async Task EachProviderHasItsOwnCircuit()
    {
        var stripe = await Host.ApiKeyConnectionAsync("stripe");
        var slack = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Kind = FaultKind.Status, StatusCode = 500 });
        for (var i = 0; i < 6; i++)
        {
            await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(stripe.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct));
        }

        using var channels = await Host.Get<IProviderApi>().SendAsync(slack.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct);

        channels.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }
}
