using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.GitHub;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>A 401 on a token that has not expired: one refresh for every caller, then the calls go through.</summary>
public sealed class TokenRefreshTests : OutboundTestBase
{
    [Fact]
    public async Task Unauthorized_ManyConcurrentCallers_ExactlyOneRefresh()
    {
        // The sandbox does not know this access token (401 Bad credentials) but issued the refresh token.
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo", accessToken: "gho_stale0000000000000000000000000000");
        var issues = Host.Get<GitHubIssuesClient>();

        var lists = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => issues.ListIssuesAsync(connection.Id, "octo-org", "octo-repo", "open", Ct).ToListAsync(Ct).AsTask()));

        lists.ShouldAllBe(list => list.Count > 0);
        Host.Logs.GetSnapshot().Count(r => r.Message.StartsWith($"Refreshed the token of github connection {connection.Id}", StringComparison.Ordinal)).ShouldBe(1);
        Host.Wire.Requests.Count(r => r.Headers.TryGetValue("Authorization", out var auth) && auth.Contains("gho_stale", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(20);
    }

    [Fact]
    public async Task Unauthorized_AfterRefresh_IsAuthErrorAfterOneResend()
    {
        // The grant is revoked: the refresh fails for good, and the connection needs reconnecting.
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo", accessToken: "gho_stale0000000000000000000000000000");
        var token = Host.Get<Connections.IConnectionVault>();
        var (_, credentials) = (await token.GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        Host.Sandbox.Control.RevokeGrant(SandboxProvider.GitHub, credentials!.RefreshToken!).ShouldBeTrue();

        var error = await Should.ThrowAsync<ProviderApiException>(
            Host.Get<GitHubIssuesClient>().ListIssuesAsync(connection.Id, "octo-org", "octo-repo", "open", Ct).ToListAsync(Ct).AsTask());

        error.Category.ShouldBe(ProviderErrorCategory.NeedsReconnect);
        error.IsRetryable.ShouldBeFalse();
        Host.Wire.Requests.Count.ShouldBe(1);
    }
}
