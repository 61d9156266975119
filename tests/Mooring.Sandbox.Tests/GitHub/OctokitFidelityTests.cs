using Octokit;

namespace Mooring.Sandbox.Tests.GitHub;

/// <summary>Octokit, GitHub's own .NET client, pointed at the emulator (it uses the GitHub Enterprise path /api/v3).</summary>
public sealed class OctokitFidelityTests
{
    [Fact]
    public async Task GetAllForRepository_FollowsLinkPagination_ReadsEveryOpenIssue()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 120);
        var client = Client(sandbox);

        var issues = await client.Issue.GetAllForRepository("acme", "widgets", new RepositoryIssueRequest { State = ItemStateFilter.All }, new ApiOptions { PageSize = 25 });

        issues.Count.ShouldBe(120);
        issues.Select(i => i.Number).Distinct().Count().ShouldBe(120);
        issues[0].Number.ShouldBe(120);
        issues[0].User.Login.ShouldNotBeNullOrEmpty();
        client.GetLastApiInfo().RateLimit.Remaining.ShouldBe(5000 - 5);
    }

    [Fact]
    public async Task GetAllForRepository_Since_ReturnsOnlyIssuesUpdatedAfter()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 40);
        var client = Client(sandbox);
        var since = sandbox.Time.GetUtcNow();
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var updated = await client.Issue.Update("acme", "widgets", 3, new IssueUpdate { Title = "Renamed", State = ItemState.Open });
        var created = await client.Issue.Create("acme", "widgets", new NewIssue("Brand new"));

        var changed = await client.Issue.GetAllForRepository("acme", "widgets", new RepositoryIssueRequest { Since = since, State = ItemStateFilter.All });

        changed.Select(i => i.Number).OrderBy(n => n).ShouldBe([3, created.Number]);
        updated.Title.ShouldBe("Renamed");
        created.Number.ShouldBe(41);
    }

    [Fact]
    public async Task RepositoryAndRateLimit_ReadByOctokit_RateLimitCallIsFree()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 12);
        var client = Client(sandbox);

        var repo = await client.Repository.Get("acme", "widgets");
        var limits = await client.RateLimit.GetRateLimits();
        var again = await client.RateLimit.GetRateLimits();

        repo.FullName.ShouldBe("acme/widgets");
        repo.OpenIssuesCount.ShouldBeInRange(1, 12);
        limits.Resources.Core.Limit.ShouldBe(5000);
        limits.Resources.Core.Remaining.ShouldBe(4999);
        again.Resources.Core.Remaining.ShouldBe(4999);
    }

    [Fact]
    public async Task GetAllForRepository_PullRequestsAmongTheIssues_CarryTheirPullRequest()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 40);
        var client = Client(sandbox);
        var created = await client.Issue.Create("acme", "widgets", new NewIssue("Not a pull request"));

        var issues = await client.Issue.GetAllForRepository("acme", "widgets", new RepositoryIssueRequest { State = ItemStateFilter.All });

        var pulls = issues.Where(i => i.PullRequest is not null).ToList();
        pulls.ShouldNotBeEmpty();
        pulls.ShouldAllBe(i => i.PullRequest.HtmlUrl == i.HtmlUrl && i.PullRequest.DiffUrl == i.HtmlUrl + ".diff" && i.HtmlUrl.EndsWith("/pull/" + i.Number, StringComparison.Ordinal));
        issues.Single(i => i.Number == created.Number).PullRequest.ShouldBeNull();
        created.PullRequest.ShouldBeNull();
    }

    [Fact]
    public async Task Get_UnknownIssue_ThrowsNotFound()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 5);
        await Should.ThrowAsync<NotFoundException>(() => Client(sandbox).Issue.Get("acme", "widgets", 999));
    }

    [Fact]
    public async Task Request_WithRevokedToken_ThrowsAuthorizationException()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Client(sandbox);
        sandbox.Control.RevokeGrant(SandboxProvider.GitHub, client.Credentials.Password);
        await Should.ThrowAsync<AuthorizationException>(() => client.Issue.GetAllForRepository("acme", "widgets"));
    }

    private static GitHubClient Client(TestSandbox sandbox) =>
        new(new ProductHeaderValue("mooring-sandbox-tests"), sandbox.Host.BaseAddress)
        {
            Credentials = new Credentials(sandbox.Control.IssueToken(SandboxProvider.GitHub, "repo").AccessToken),
        };
}
