using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Faults;

namespace Mooring.Sandbox.Tests.GitHub;

public sealed class GitHubApiTests
{
    [Fact]
    public async Task List_IfNoneMatchCurrentETag_Answers304AndDoesNotCount()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        using var first = await Get(sandbox, "github/repos/o/r/issues", token);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag!.ToString();
        Header(first, "x-ratelimit-remaining").ShouldBe("4999");

        using var second = await Get(sandbox, "github/repos/o/r/issues", token, etag);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        Header(second, "x-ratelimit-remaining").ShouldBe("4999");
        Header(second, "x-ratelimit-used").ShouldBe("1");
        Header(second, "x-ratelimit-resource").ShouldBe("core");
    }

    [Fact]
    public async Task List_ManyPages_LinkHeaderHasNextAndLast()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GitHubIssues = 100);
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        using var response = await Get(sandbox, "github/repos/o/r/issues?state=all&per_page=10&page=2", token);
        var link = string.Join(",", response.Headers.GetValues("Link"));
        link.ShouldContain("page=3");
        link.ShouldContain("rel=\"next\"");
        link.ShouldContain("page=10");
        link.ShouldContain("rel=\"last\"");
        link.ShouldContain("rel=\"prev\"");
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        items.Count.ShouldBe(10);
        items[0]!["number"]!.GetValue<int>().ShouldBe(90);
    }

    [Fact]
    public async Task List_PrimaryLimitExhausted_Answers403UntilTheHourResets()
    {
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.RateLimits.GitHubPerHour = 2;
            o.AccessTokenLifetime = TimeSpan.FromDays(1);
        });
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        (await Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var limited = await Get(sandbox, "github/repos/o/r/issues", token);
        limited.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Header(limited, "x-ratelimit-remaining").ShouldBe("0");
        var reset = long.Parse(Header(limited, "x-ratelimit-reset")!, System.Globalization.CultureInfo.InvariantCulture);
        JsonNode.Parse(await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["message"]!.GetValue<string>().ShouldStartWith("API rate limit exceeded");

        sandbox.Time.Advance(DateTimeOffset.FromUnixTimeSeconds(reset) - sandbox.Time.GetUtcNow());
        (await Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_SecondaryLimit_Answers403WithRetryAfter()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimits.GitHubSecondaryPerMinute = 1);
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        (await Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var limited = await Get(sandbox, "github/repos/o/r/issues", token);
        limited.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("secondary rate limit");

        sandbox.Control.Options.RateLimits.GitHubUses429 = true;
        (await Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task RateLimitFault_WithoutRetryAfter_IsASecondaryLimitWithRequestsRemaining()
    {
        // GitHub's secondary limit may come without retry-after, and with the primary limit far from spent.
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Kind = FaultKind.RateLimit, RetryAfter = null, MaxHits = 1 });
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;

        using var limited = await Get(sandbox, "github/repos/o/r/issues", token);

        limited.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        limited.Headers.RetryAfter.ShouldBeNull();
        int.Parse(Header(limited, "x-ratelimit-remaining")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        Header(limited, "x-ratelimit-resource").ShouldBe("core");
        (await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("You have exceeded a secondary rate limit");
    }

    [Fact]
    public async Task Get_BadToken_Answers401BadCredentials()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await Get(sandbox, "github/repos/o/r/issues", "gho_not_a_real_token");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["message"]!.GetValue<string>().ShouldBe("Bad credentials");
        body["documentation_url"].ShouldNotBeNull();
    }

    [Fact]
    public async Task List_HoldsPullRequests_WithThePullRequestObject_AndACreatedIssueIsNone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub, "repo").AccessToken;
        using var created = await sandbox.SendAsync(HttpMethod.Post, "github/repos/o/r/issues", token, JsonContent.Create(new { title = "An issue" }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var response = await Get(sandbox, "github/repos/o/r/issues?state=all&per_page=100", token);
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray().Select(i => i!).ToList();

        items.Count.ShouldBe(76);
        var pulls = items.Where(i => i["pull_request"] is not null).ToList();
        pulls.Count.ShouldBeInRange(5, 30, "about one generated record in five");
        foreach (var pull in pulls)
        {
            var number = pull["number"]!.GetValue<int>();
            var html = $"https://github.com/o/r/pull/{number}";
            pull["html_url"]!.GetValue<string>().ShouldBe(html);
            pull["draft"]!.GetValue<bool>().ShouldBeFalse();
            var links = pull["pull_request"]!;
            links["url"]!.GetValue<string>().ShouldEndWith($"/repos/o/r/pulls/{number}");
            links["html_url"]!.GetValue<string>().ShouldBe(html);
            links["diff_url"]!.GetValue<string>().ShouldBe(html + ".diff");
            links["patch_url"]!.GetValue<string>().ShouldBe(html + ".patch");
            (links["merged_at"] is null).ShouldBe(pull["state"]!.GetValue<string>() == "open");
        }

        items.Where(i => i["pull_request"] is null).ShouldAllBe(i => i["html_url"]!.GetValue<string>().Contains("/issues/", StringComparison.Ordinal));
        items[0]!["number"]!.GetValue<int>().ShouldBe(76);
        items[0]!["pull_request"].ShouldBeNull("an issue created through the API is an issue");
    }

    internal static Task<HttpResponseMessage> Get(TestSandbox sandbox, string path, string? token, string? ifNoneMatch = null) =>
        sandbox.SendAsync(HttpMethod.Get, path, token, ifNoneMatch: ifNoneMatch);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
