using System.Text.Json;
using Mooring.Connections;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.GitHub;
using Mooring.Providers.Google;
using Mooring.Providers.Slack;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Paging;

/// <summary>Every pagination style of the catalog against the emulators, each over several pages.</summary>
public sealed class PaginationTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        // GitHub also pages by number (page, per_page): a provider definition that says so, to exercise that style.
        ["Mooring:Providers:github-pages:basedOn"] = "github",
        ["Mooring:Providers:github-pages:displayName"] = "GitHub by page number",
        ["Mooring:Providers:github-pages:pagination:style"] = "Page",
        ["Mooring:Providers:github-pages:pagination:cursorParameter"] = "page",
        ["Mooring:Providers:github-pages:pagination:pageSize"] = "100",
        ["Mooring:OAuth:Clients:github-pages:ClientId"] = "sandbox-client",
        ["Mooring:OAuth:Clients:github-pages:ClientSecret"] = "sandbox-secret",
    };

    protected override void ConfigureSandbox(SandboxOptions options)
    {
        base.ConfigureSandbox(options);
        options.Data.SlackChannels = 450;
        options.Data.StripeCustomers = 250;
        options.Data.GmailMessages = 1200;
        options.Data.GitHubIssues = 250;
        options.Data.CalendarEvents = 600;
    }

    [Fact]
    public async Task BodyCursor_Slack_ReadsEveryPage()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");

        var channels = await Host.Get<SlackClient>().ListChannelsAsync(connection.Id, Ct).ToListAsync(Ct);

        channels.Select(c => c.Id).Distinct().Count().ShouldBe(450);
        PageRequests().ShouldBe(3);
        Host.Wire.Requests[1].Uri.Query.ShouldContain("cursor=");
    }

    [Fact]
    public async Task StartingAfter_Stripe_ReadsEveryPage()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");

        var ids = await Ids(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"));

        ids.Distinct().Count().ShouldBe(250);
        PageRequests().ShouldBe(3);
        Host.Wire.Requests[1].Uri.Query.ShouldContain("starting_after=" + ids[99]);
    }

    [Fact]
    public async Task PageToken_Gmail_ReadsEveryPage()
    {
        var connection = await Host.OAuthConnectionAsync("google-mail", SandboxProvider.Google, "https://www.googleapis.com/auth/gmail.readonly");

        var ids = await Ids(connection.Id, new ProviderRequest(HttpMethod.Get, "users/me/messages") { Items = "/messages" });

        ids.Distinct().Count().ShouldBe(1200);
        PageRequests().ShouldBe(3);
        Host.Wire.Requests[2].Uri.Query.ShouldContain("pageToken=");
    }

    [Fact]
    public async Task PageToken_CalendarEvents_ReadsEveryPageOnceInStartOrder()
    {
        var connection = await Host.OAuthConnectionAsync("google-calendar", SandboxProvider.Google, "https://www.googleapis.com/auth/calendar.readonly");

        var events = await Host.Get<GoogleCalendarClient>().ListEventsAsync(connection.Id, "primary", null, null, Ct).ToListAsync(Ct);

        // 250 a page (events.list's default maxResults): three pages, every event once, in start order across them.
        PageRequests().ShouldBe(3);
        events.Count.ShouldBe(600);
        events.Select(e => e.Id).Distinct().Count().ShouldBe(600);
        events.Select(e => e.Start).ShouldBeInOrder();
        Host.Wire.Requests.Skip(1).ShouldAllBe(r => r.Uri.Query.Contains("pageToken=") && r.Uri.Query.Contains("orderBy=startTime"));
    }

    [Fact]
    public async Task LinkHeader_GitHub_ReadsEveryPage()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");

        var issues = await Host.Get<GitHubIssuesClient>().ListIssuesAsync(connection.Id, "octo-org", "octo-repo", "all", Ct).ToListAsync(Ct);
        PageRequests().ShouldBe(3);

        // The client leaves out the pull requests that GitHub lists among the issues.
        var listed = await Host.ListedGitHubIssuesAsync(connection.Id);
        listed.Select(i => i.Number).Distinct().Count().ShouldBe(250);
        issues.Select(i => i.Number).ShouldBe(listed.Where(i => !i.IsPullRequest).Select(i => i.Number));
    }

    [Fact]
    public async Task PageNumber_GitHub_ReadsEveryPage()
    {
        var connection = await Host.OAuthConnectionAsync("github-pages", SandboxProvider.GitHub, "repo");

        var numbers = await Host.Get<IProviderApi>().ListAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "repos/octo-org/octo-repo/issues") { Query = [new("state", "all")] }, Ct)
            .Select(i => i.GetProperty("number").GetInt32()).ToListAsync(Ct);

        numbers.Distinct().Count().ShouldBe(250);
        PageRequests().ShouldBe(3);
        Host.Wire.Requests[2].Uri.Query.ShouldContain("page=3");
    }

    [Fact]
    public async Task Cancellation_StopsBeforeTheNextPage()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var read = 0;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Host.Get<IProviderApi>().ListAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), cancel.Token))
            {
                if (++read == 100)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        read.ShouldBe(100);
        PageRequests().ShouldBe(1);
    }

    private async Task<List<string>> Ids(ConnectionId connection, ProviderRequest request) =>
        await Host.Get<IProviderApi>().ListAsync(connection, request, Ct).Select(item => item.GetProperty("id").GetString()!).ToListAsync(Ct);

    private int PageRequests() => Host.Wire.Requests.Count;
}

/// <summary>The cursor arithmetic of the styles no emulator pages by (offset), and the end of each style.</summary>
public sealed class PageCursorTests
{
    [Fact]
    public void Offset_AdvancesByTheItemsRead_AndStopsOnAShortPage()
    {
        var cursor = new Mooring.Outbound.Paging.PageCursor(new Providers.PaginationSettings { Style = Providers.PaginationStyle.Offset, CursorParameter = "offset", PageSize = 2 });
        using var page = JsonDocument.Parse("[1,2]");
        using var response = new HttpResponseMessage();

        cursor.Advance(page.RootElement, 2, null, response).ShouldBeTrue();
        cursor.NextParameter.ShouldBe(new KeyValuePair<string, string>("offset", "2"));
        cursor.Advance(page.RootElement, 2, null, response).ShouldBeTrue();
        cursor.NextParameter.ShouldBe(new KeyValuePair<string, string>("offset", "4"));
        cursor.Advance(page.RootElement, 1, null, response).ShouldBeFalse();
    }

    [Theory]
    [InlineData("<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"", "https://api.github.com/repositories/1/issues?page=2")]
    [InlineData("<https://x.test/?page=1>; rel=\"prev\", <https://x.test/?page=3>; rel=\"next last\"", "https://x.test/?page=3")]
    [InlineData("<https://x.test/?page=1>; rel=\"first\"", null)]
    public void LinkHeader_FindsNext(string header, string? next) =>
        Mooring.Outbound.Paging.LinkHeader.Next([header])?.AbsoluteUri.ShouldBe(next);
}
