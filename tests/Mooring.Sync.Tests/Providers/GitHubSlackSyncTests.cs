using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Providers;

/// <summary>GitHub issues (since with an overlap, ETag and 304) and Slack channels (full passes only) against the sandbox.</summary>
public sealed class GitHubSlackSyncTests : IAsyncLifetime
{
    private const string Repository = "mooring/quay";
    private SyncHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o => o.Data.GitHubIssues = 230);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task GitHub_IncrementalSince_EndsEqual_ThenAnUnchangedRepositoryAnswers304()
    {
        var github = await _host.OAuthAsync("github", "gh-1", new() { ["repository"] = Repository });
        (await _host.RunAsync(github, "github-issues", SyncRunKind.Full)).ShouldNotBeNull().Added.ShouldBe(230);

        _host.Time.Advance(TimeSpan.FromMinutes(20));
        _host.Sandbox.Control.AdvanceData(15); // updates and creates; GitHub deletions only show in a full pass
        var changed = await _host.RunAsync(github, "github-issues");
        changed.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        (changed.Added + changed.Updated).ShouldBeGreaterThan(0);

        _host.Time.Advance(TimeSpan.FromMinutes(20));
        var settled = await _host.RunAsync(github, "github-issues");  // the overlap window's re-read, then nothing new
        _host.Time.Advance(TimeSpan.FromMinutes(20));
        var remaining = await RateRemainingAsync();
        var quiet = await _host.RunAsync(github, "github-issues");

        settled.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        quiet.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        (quiet.Added + quiet.Updated).ShouldBe(0);
        (await RateRemainingAsync()).ShouldBe(remaining, "a 304 costs no rate limit");

        var full = await _host.RunAsync(github, "github-issues", SyncRunKind.Full);
        full.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        var remote = await SandboxTruth.GitHubAsync(_host.Sandbox, Token(), Repository);
        var local = await _host.LocalAsync(github, "github-issues");
        local.Keys.Order(StringComparer.Ordinal).ShouldBe(remote.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, json) in remote)
        {
            local[id].ShouldBe(json);
        }
    }

    [Fact]
    public async Task Slack_Channels_EveryRunIsAFullPass()
    {
        var slack = await _host.OAuthAsync("slack", "slack-1");

        var first = await _host.RunAsync(slack, "slack-channels");
        var second = await _host.RunAsync(slack, "slack-channels");

        first.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        first.Added.ShouldBe(5);
        second.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        second.Status.ShouldBe(SyncRunStatus.Succeeded);
        (second.Added + second.Updated + second.Deleted).ShouldBe(0);
    }

    [Fact]
    public async Task Slack_MissingScope_FailsTheRunWithSlacksWordsAndTheScopeToAdd()
    {
        await using var host = await SyncHost.StartAsync(o => o.EnforceScopes = true);
        var slack = await host.OAuthAsync("slack", "slack-scopeless", scope: "users:read");

        var run = await host.RunAsync(slack, "slack-channels");

        run.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("Slack rejected GET /conversations.list: missing_scope");
        run.Error.ShouldContain("reconnect with the scope channels:read added");
    }

    private string Token() => _host.Sandbox.Control.IssueToken("github", "repo").AccessToken;

    private async Task<int> RateRemainingAsync()
    {
        var vault = _host.Get<Connections.IConnectionVault>();
        var (_, credentials) = (await vault.GetAsync(Connections.ConnectionId.Parse("gh-1"), TestContext.Current.CancellationToken)).ShouldNotBeNull();
        using var http = new HttpClient { BaseAddress = _host.Sandbox.AddressOf("github") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", credentials!.AccessToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("mooring-tests");
        using var response = await http.GetAsync("rate_limit", TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("resources").GetProperty("core").GetProperty("remaining").GetInt32();
    }
}
