using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Storage;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// Without Mooring's pacing, a rate-limit answer that gives a reset time but no Retry-After (GitHub's 403 with
/// x-ratelimit-remaining 0) is not retried when the reset lies beyond the call's budget.
/// </summary>
public sealed class ResetBeyondBudgetTests : OutboundTestBase
{
    protected override void ConfigureSandbox(SandboxOptions options)
    {
        options.RateLimits.Enabled = true;
        options.RateLimits.GitHubPerHour = 1;
    }

    [Fact]
    public async Task GitHub403WithResetAnHourAway_IsNotRetried_AndFailsAsRateLimitedWithTheResetTime()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        await Host.FirstGitHubIssueAsync(connection.Id); // spends the limit of one request per hour
        var sent = Host.Wire.Requests.Count;

        var error = await Should.ThrowAsync<ProviderApiException>(Host.FirstGitHubIssueAsync(connection.Id));

        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.StatusCode.ShouldBe(403);
        error.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.FromMinutes(50));
        Host.Wire.Requests.Count.ShouldBe(sent + 1, "a reset an hour away is not waited for within a 30 s budget");
        await Host.Get<RequestLogWriter>().FlushAsync(Ct);
        var log = await Host.Get<IRequestLogStore>().QueryAsync(new RequestLogQuery { ConnectionId = connection.Id }, Ct);
        log.ShouldContain(e => e.Status == 403 && e.ErrorCategory == "rate_limited", "a 403 that says rate limited is not logged as auth");
    }

    [Fact]
    public async Task GitHub403_OnceTheClockPassesTheReset_TheNextCallGoesThrough()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        await Host.FirstGitHubIssueAsync(connection.Id);
        var error = await Should.ThrowAsync<ProviderApiException>(Host.FirstGitHubIssueAsync(connection.Id));

        // One clock for Mooring and the sandbox: the hour Mooring is told to wait is the hour the sandbox's window lasts.
        Host.Time.Advance(error.RetryAfter.ShouldNotBeNull());

        (await Host.FirstGitHubIssueAsync(connection.Id)).ShouldHaveSingleItem();
    }
}
