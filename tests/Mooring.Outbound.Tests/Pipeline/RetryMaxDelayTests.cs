using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>A provider that asks for a longer wait than RetryMaxDelay is not retried early: the caller has its Retry-After.</summary>
public sealed class RetryMaxDelayTests : OutboundTestBase
{
    // A budget that would hold the wait, beside the default RetryMaxDelay of 30 s.
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:Outbound:Providers:slack:TotalTimeout"] = "00:01:00" };

    [Fact]
    public async Task Get_429WithRetryAfterBeyondRetryMaxDelay_IsNotRetried_AndFailsAsRateLimitedWithRetryAfter()
    {
        // Slack keeps refusing until its window ends: a retry after 30 s of the 45 s it asked for would be refused again.
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = FaultKind.RateLimit, RetryAfter = TimeSpan.FromSeconds(45) });
        var start = Host.Time.GetTimestamp();

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.StatusCode.ShouldBe(429);
        error.IsRetryable.ShouldBeTrue();
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(45));
        error.Attempts.ShouldBe(1);
        Host.Wire.Requests.Count.ShouldBe(1);
        Host.Time.GetElapsedTime(start).ShouldBeLessThan(TimeSpan.FromSeconds(30), "the caller has the answer at once, not after a wait cut short");
    }
}
