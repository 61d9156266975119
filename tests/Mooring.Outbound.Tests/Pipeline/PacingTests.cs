using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.Slack;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>The rate limiter is in the pipeline: calls over a limit wait for the clock instead of meeting the provider's 429.</summary>
public sealed class PacingTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new() { ["Mooring:RateLimiting:Enabled"] = "true" };

    [Fact]
    public async Task SlackPostsToOneChannel_WaitForTheClock_AndNoneIsRefused()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        var slack = Host.Get<SlackClient>();
        var started = Host.Time.GetUtcNow();

        // chat.postMessage allows about one message per second per channel (the sandbox answers 429 beyond it).
        var posts = Enumerable.Range(0, 4).Select(i => slack.PostMessageAsync(connection.Id, "#general", $"message {i}", Ct)).ToList();
        await Host.DriveAsync(Task.WhenAll(posts));

        posts.ShouldAllBe(p => p.IsCompletedSuccessfully);
        (Host.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        Host.Wire.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal)).ShouldBe(4);
    }
}
