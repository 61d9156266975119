using System.Net.Http.Json;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// GitHub's secondary limits: 403 (or 429) with "You have exceeded a secondary rate limit", retry-after or not, and
/// x-ratelimit-remaining above 0. The call fails as rate limited, and the whole connection waits, so that no other call
/// of it reaches GitHub in the penalty (GitHub warns that integrations which keep calling may be banned).
/// </summary>
public sealed class GitHubSecondaryLimitTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:RateLimiting:Enabled"] = "true" };

    [Fact]
    public async Task SecondaryLimitWithoutRetryAfter_IsRateLimitedForAMinute_AndTheConnectionsNextCallWaitsForIt()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Kind = FaultKind.RateLimit, RetryAfter = null, MaxHits = 1 });

        var error = await Should.ThrowAsync<ProviderApiException>(Host.FirstGitHubIssueAsync(connection.Id));

        error.StatusCode.ShouldBe(403);
        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.IsRetryable.ShouldBeTrue();
        error.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1), "GitHub: without retry-after, wait at least one minute");
        Host.Wire.Requests.Count.ShouldBe(1, "a minute is more than the 30 s budget: not retried");

        // The pause holds the connection: its next call is not sent within its budget, and says when it may be.
        var paused = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "user"), Ct)));
        paused.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        paused.Message.ShouldContain("was not sent");
        paused.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.FromSeconds(50));
        Host.Wire.Requests.Count.ShouldBe(1);

        Host.Time.Advance(paused.RetryAfter.Value);
        (await Host.FirstGitHubIssueAsync(connection.Id)).ShouldHaveSingleItem();
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SecondaryLimitWithRetryAfter_OnOneCall_MakesTheConnectionsOtherCallsWaitToo()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule
        {
            Provider = SandboxProvider.GitHub, Endpoint = "issues.create", Kind = FaultKind.RateLimit, RetryAfter = TimeSpan.FromSeconds(20), MaxHits = 1,
        });
        var api = Host.Get<IProviderApi>();

        // A POST without an idempotency key is not sent again: the caller has the 403 at once.
        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(api.SendAsync(
            connection.Id, new ProviderRequest(HttpMethod.Post, "repos/octo-org/octo-repo/issues") { Content = JsonContent.Create(new { title = "Deploy failed" }) }, Ct)));
        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(20));
        var limitedAt = Host.Time.GetUtcNow();

        // Calls of other endpoints, made meanwhile, wait out the penalty before they reach GitHub.
        var calls = Task.WhenAll(
            api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "user"), Ct),
            api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "repos/octo-org/octo-repo/issues"), Ct));
        var answers = await Host.DriveAsync(calls);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        (Host.Time.GetUtcNow() - limitedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(19.5));
        Host.Wire.Requests.Count.ShouldBe(3, "each call was sent once, after the pause");
    }
}
