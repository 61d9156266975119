using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.Slack;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>A call that a rate limit keeps past its budget fails as rate limited, not as a provider that did not answer.</summary>
public sealed class RateLimitBudgetTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:RateLimiting:Enabled"] = "true",
        ["Mooring:Outbound:Providers:slack:TotalTimeout"] = "00:00:02",
        ["Mooring:Outbound:Providers:slack:AttemptTimeout"] = "00:00:01",
    };

    protected override void ConfigureSandbox(SandboxOptions options)
    {
        // GitHub's primary limit is the only one on, and tiny: its 403 with x-ratelimit-remaining 0 and a reset an hour away.
        options.RateLimits.Enabled = true;
        options.RateLimits.GitHubPerHour = 1;
        options.RateLimits.SlackPostMessagePerSecond = 1000;
    }

    [Fact]
    public async Task SlackPostsPacedPastTheBudget_FailAsRateLimited_AndAreNotSent()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        var slack = Host.Get<SlackClient>();

        // chat.postMessage is paced at about one message per second per channel; the budget is 2 s.
        var posts = Enumerable.Range(0, 5).Select(i => ErrorOf(slack.PostMessageAsync(connection.Id, "#general", $"message {i}", Ct))).ToList();
        var errors = await Host.DriveAsync(Task.WhenAll(posts));

        var failed = errors.OfType<ProviderApiException>().ToList();
        failed.Count.ShouldBeGreaterThanOrEqualTo(2, "the fourth and fifth slots are 3 and 4 s away");
        failed.ShouldAllBe(e => e.Category == ProviderErrorCategory.RateLimited && e.IsRetryable);
        failed[0].Message.ShouldContain("Slack's rate limit");
        failed[0].Message.ShouldContain("2 s budget");
        Host.Wire.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal)).ShouldBe(5 - failed.Count);
    }

    [Fact]
    public async Task GitHubPrimaryLimitSpent_NextCallFailsAtOnceUnsentAsRateLimited_WithTheResetTime()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        await Host.FirstGitHubIssueAsync(connection.Id); // spends the limit of one request per hour
        var sent = Host.Wire.Requests.Count;

        var error = await Should.ThrowAsync<ProviderApiException>(Host.FirstGitHubIssueAsync(connection.Id));

        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.FromMinutes(50));
        error.Message.ShouldContain("was not sent");
        Host.Wire.Requests.Count.ShouldBe(sent, "the first answer said nothing is left for an hour: not worth a 30 s wait, nor a send");
    }

    private static async Task<ProviderApiException?> ErrorOf<T>(Task<T> call)
    {
        try
        {
            await call;
            return null;
        }
        catch (ProviderApiException ex)
        {
            return ex;
        }
    }
}
