using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>The resend after a refreshed token is a request to the provider like any other: the rate limiter paces it.</summary>
public sealed class ResendPacingTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:RateLimiting:Enabled"] = "true",
        ["Mooring:Outbound:MaxAttempts"] = "1",
        // One request per five seconds per connection (within the attempt timeout of 10 s): the second request of the call must wait for the clock.
        ["Mooring:Providers:github:rateLimits:buckets:0:name"] = "primary",
        ["Mooring:Providers:github:rateLimits:buckets:0:limit"] = "1",
        ["Mooring:Providers:github:rateLimits:buckets:0:periodSeconds"] = "5",
    };

    [Fact]
    public async Task ResendAfterRefresh_TakesATokenFromTheBucket()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo", accessToken: "gho_stale0000000000000000000000000000");
        var started = Host.Time.GetUtcNow();

        using var issues = await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "repos/octo-org/octo-repo/issues"), Ct));

        issues.RootElement.GetArrayLength().ShouldBeGreaterThan(0);
        Host.Wire.Requests.Count.ShouldBe(2, "the 401 and the resend");
        (Host.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5), "the resend waited for the bucket's next token");
    }
}
