using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.Google;

public sealed class GoogleApiTests
{
    [Fact]
    public async Task Gmail_SendThenHistory_ReportsTheAddedMessage()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var profile = await Get(sandbox, "google/gmail/v1/users/me/profile", token);
        var start = profile["historyId"]!.GetValue<string>();

        var raw = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("To: someone@example.com\r\nSubject: hi\r\n\r\nhello"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "google/gmail/v1/users/me/messages/send") { Content = JsonContent.Create(new { raw }) };
        request.Headers.Authorization = new("Bearer", token);
        using var sent = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var message = JsonNode.Parse(await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        message["labelIds"]![0]!.GetValue<string>().ShouldBe("SENT");

        var history = await Get(sandbox, $"google/gmail/v1/users/me/history?startHistoryId={start}", token);
        history["history"]![0]!["messagesAdded"]![0]!["message"]!["id"]!.GetValue<string>().ShouldBe(message["id"]!.GetValue<string>());
        long.Parse(history["historyId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Gmail_HistoryTypesFilter_KeepsOnlyThatKindOfChange()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var start = (await Get(sandbox, "google/gmail/v1/users/me/profile", token))["historyId"]!.GetValue<string>();
        sandbox.Control.AdvanceData(20);

        var all = (await Get(sandbox, $"google/gmail/v1/users/me/history?startHistoryId={start}", token))["history"]!.AsArray();
        var added = await Get(sandbox, $"google/gmail/v1/users/me/history?startHistoryId={start}&historyTypes=messageAdded", token);

        all.Count.ShouldBe(20);
        var addedEntries = added["history"]!.AsArray();
        addedEntries.Count.ShouldBe(all.Count(h => h!["messagesAdded"] is not null));
        addedEntries.Count.ShouldBeLessThan(20);
        addedEntries.ShouldAllBe(h => h!["messagesAdded"] != null);
    }

    [Fact]
    public async Task Gmail_SendWithoutTo_Answers400()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var raw = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("Subject: hi\r\n\r\nhello"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "google/gmail/v1/users/me/messages/send") { Content = JsonContent.Create(new { raw }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Invalid To header");
    }

    [Fact]
    public async Task Gmail_ListPages_NextPageTokenUntilTheEnd()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GmailMessages = 25);
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var ids = new List<string>();
        string? pageToken = null;
        do
        {
            var page = await Get(sandbox, "google/gmail/v1/users/me/messages?maxResults=10" + (pageToken is null ? string.Empty : "&pageToken=" + pageToken), token);
            ids.AddRange(page["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
            pageToken = page["nextPageToken"]?.GetValue<string>();
        }
        while (pageToken is not null);

        ids.Count.ShouldBe(25);
        ids.Distinct().Count().ShouldBe(25);
    }

    [Fact]
    public async Task Gmail_MessageHistoryId_IsItsOwnLastChange_NotTheMailbox()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.GmailMessages = 5);
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;

        sandbox.Control.AdvanceData(1); // one change: the other messages keep their history id
        var profile = (await Get(sandbox, "google/gmail/v1/users/me/profile", token))["historyId"]!.GetValue<string>();
        var ids = (await Get(sandbox, "google/gmail/v1/users/me/messages", token))["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        var history = new List<string>();
        foreach (var id in ids)
        {
            history.Add((await Get(sandbox, $"google/gmail/v1/users/me/messages/{id}?format=metadata", token))["historyId"]!.GetValue<string>());
        }

        history.Count.ShouldBeGreaterThanOrEqualTo(4);
        history.Count(h => h == profile).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Gmail_HistoryTooOld_Answers404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var start = (await Get(sandbox, "google/gmail/v1/users/me/profile", token))["historyId"]!.GetValue<string>();
        sandbox.Control.AdvanceData(3);
        sandbox.Control.ExpireSyncTokens();
        using var response = await Send(sandbox, $"google/gmail/v1/users/me/history?startHistoryId={start}", token);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Calendar_FullThenIncrementalSync_SeesChangesAndDeletions()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.CalendarEvents = 30);
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var (events, syncToken) = await SyncAll(sandbox, token, "maxResults=7");
        events.Count.ShouldBe(30);

        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        sandbox.Control.AdvanceData(10);
        var (changes, next) = await SyncAll(sandbox, token, "syncToken=" + syncToken);
        changes.Count.ShouldBeInRange(1, 10);
        var live = events.Select(e => e["id"]!.GetValue<string>()).ToHashSet();
        foreach (var change in changes)
        {
            var id = change["id"]!.GetValue<string>();
            live.Remove(id);
            if (change["status"]!.GetValue<string>() != "cancelled")
            {
                live.Add(id);
            }
        }

        var (fresh, _) = await SyncAll(sandbox, token, "maxResults=50");
        live.ShouldBe(fresh.Select(e => e["id"]!.GetValue<string>()).ToHashSet(), ignoreOrder: true);

        var (none, _) = await SyncAll(sandbox, token, "syncToken=" + next);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task Calendar_SyncTokenTooOld_Answers410FullSyncRequired()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var (_, syncToken) = await SyncAll(sandbox, token, "maxResults=100");
        sandbox.Control.AdvanceData(2);
        sandbox.Control.ExpireSyncTokens();
        using var response = await Send(sandbox, "google/calendar/v3/calendars/primary/events?syncToken=" + syncToken, token);
        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        error["errors"]![0]!["reason"]!.GetValue<string>().ShouldBe("fullSyncRequired");
    }

    [Fact]
    public async Task Calendar_OrderByStartTimeWithoutSingleEvents_Answers400()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        using var response = await Send(sandbox, "google/calendar/v3/calendars/primary/events?orderBy=startTime", token);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ordered = await Get(sandbox, "google/calendar/v3/calendars/primary/events?orderBy=startTime&singleEvents=true", token);
        ordered["items"]!.AsArray().Select(e => e!["start"]!["dateTime"]!.GetValue<string>()).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Calendar_OverUserQuota_Answers403UserRateLimitExceeded()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimits.GooglePerUserPerMinute = 1);
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        (await Send(sandbox, "google/calendar/v3/calendars/primary/events", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var limited = await Send(sandbox, "google/calendar/v3/calendars/primary/events", token);
        limited.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("userRateLimitExceeded");

        sandbox.Control.Options.RateLimits.GoogleUses429 = true;
        using var exhausted = await Send(sandbox, "google/calendar/v3/calendars/primary/events", token);
        exhausted.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await exhausted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("RESOURCE_EXHAUSTED");
    }

    private static async Task<(List<JsonNode> Items, string SyncToken)> SyncAll(TestSandbox sandbox, string token, string query)
    {
        var items = new List<JsonNode>();
        string? pageToken = null;
        while (true)
        {
            var page = await Get(sandbox, $"google/calendar/v3/calendars/primary/events?{query}" + (pageToken is null ? string.Empty : "&pageToken=" + pageToken), token);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            pageToken = page["nextPageToken"]?.GetValue<string>();
            if (pageToken is null)
            {
                return (items, page["nextSyncToken"]!.GetValue<string>());
            }

            page.ContainsKey("nextSyncToken").ShouldBeFalse();
        }
    }

    private static Task<JsonObject> Get(TestSandbox sandbox, string path, string token) => sandbox.GetJsonAsync(path, token);

    private static Task<HttpResponseMessage> Send(TestSandbox sandbox, string path, string token) => sandbox.SendAsync(HttpMethod.Get, path, token);
}
