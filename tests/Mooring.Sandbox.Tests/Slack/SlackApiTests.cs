using System.Net;

namespace Mooring.Sandbox.Tests.Slack;

public sealed class SlackApiTests
{
    [Fact]
    public async Task ConversationsHistory_CursorPagination_ReadsEveryMessageNewestFirst()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.SlackMessages = 23);
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var channel = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]![0]!["id"]!.GetValue<string>();

        var ts = new List<string>();
        var cursor = string.Empty;
        do
        {
            var page = await SlackOAuthTests.Post(sandbox, "slack/api/conversations.history", token, new() { ["channel"] = channel, ["limit"] = "10", ["cursor"] = cursor });
            page["ok"]!.GetValue<bool>().ShouldBeTrue();
            ts.AddRange(page["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()));
            cursor = page["response_metadata"]!["next_cursor"]!.GetValue<string>();
            page["has_more"]!.GetValue<bool>().ShouldBe(cursor.Length > 0);
        }
        while (cursor.Length > 0);

        ts.Count.ShouldBe(23);
        ts.Select(t => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task PostMessage_ThenHistory_ShowsTheMessageFirst()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var channel = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]![1]!["id"]!.GetValue<string>();
        var posted = await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channel, ["text"] = "deploy done" });
        posted["ok"]!.GetValue<bool>().ShouldBeTrue();
        posted["message"]!["bot_id"].ShouldNotBeNull();

        var history = await SlackOAuthTests.Post(sandbox, "slack/api/conversations.history", token, new() { ["channel"] = channel, ["limit"] = "1" });
        history["messages"]![0]!["text"]!.GetValue<string>().ShouldBe("deploy done");
        history["messages"]![0]!["ts"]!.GetValue<string>().ShouldBe(posted["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_OwnMessage_LeavesHistory_OthersMessagesCannotBeDeleted()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.SlackMessages = 3);
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var channel = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]![0]!["id"]!.GetValue<string>();
        var seeded = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.history", token, new() { ["channel"] = channel, ["limit"] = "1" }))["messages"]![0]!["ts"]!.GetValue<string>();
        var ts = (await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channel, ["text"] = "oops" }))["ts"]!.GetValue<string>();

        var deleted = await SlackOAuthTests.Post(sandbox, "slack/api/chat.delete", token, new() { ["channel"] = channel, ["ts"] = ts });
        var again = await SlackOAuthTests.Post(sandbox, "slack/api/chat.delete", token, new() { ["channel"] = channel, ["ts"] = ts });
        var others = await SlackOAuthTests.Post(sandbox, "slack/api/chat.delete", token, new() { ["channel"] = channel, ["ts"] = seeded });
        var history = await SlackOAuthTests.Post(sandbox, "slack/api/conversations.history", token, new() { ["channel"] = channel });

        deleted["ok"]!.GetValue<bool>().ShouldBeTrue();
        deleted["ts"]!.GetValue<string>().ShouldBe(ts);
        again["error"]!.GetValue<string>().ShouldBe("message_not_found");
        others["error"]!.GetValue<string>().ShouldBe("cant_delete_message");
        var left = history["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()).ToList();
        left.Count.ShouldBe(3);
        left[0].ShouldBe(seeded);
        left.ShouldNotContain(ts);
    }

    [Fact]
    public async Task PostMessage_TwiceInASecondToOneChannel_SecondIsRateLimited_OtherChannelIsNot()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var channels = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        (await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channels[0], ["text"] = "1" }))["ok"]!.GetValue<bool>().ShouldBeTrue();
        (await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channels[1], ["text"] = "1" }))["ok"]!.GetValue<bool>().ShouldBeTrue();

        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/api/chat.postMessage") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = channels[0], ["text"] = "2" }) };
        request.Headers.Authorization = new("Bearer", token);
        using var limited = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        (await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channels[0], ["text"] = "2" }))["ok"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task Call_WithMalformedJsonBody_OkFalseInvalidJson(string body)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        using var response = await sandbox.SendAsync(HttpMethod.Post, "slack/api/chat.postMessage", token, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("invalid_json");
    }

    [Fact]
    public async Task PostMessage_ByChannelName_AnswersWithTheChannelId()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var general = (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["channels"]![0]!;
        general["name"]!.GetValue<string>().ShouldBe("general");

        var posted = await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = "#general", ["text"] = "hi" });

        posted["channel"]!.GetValue<string>().ShouldBe(general["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("C0NOPE00000", "channel_not_found")]
    [InlineData("#no-such-channel", "channel_not_found")]
    public async Task PostMessage_UnknownChannel_OkFalseWithHttp200(string channel, string error)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var result = await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = channel, ["text"] = "x" });
        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["error"]!.GetValue<string>().ShouldBe(error);
    }

    [Fact]
    public async Task PostMessage_WithoutChannel_InvalidArgumentsWithSlacksMessage()
    {
        // An argument not sent at all is invalid_arguments, with the detail in response_metadata.messages.
        await using var sandbox = await TestSandbox.StartAsync();
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;

        var result = await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["text"] = "x" });

        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["error"]!.GetValue<string>().ShouldBe("invalid_arguments");
        result["response_metadata"]!["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["[ERROR] missing required field: channel"]);
    }

    [Fact]
    public async Task PostMessage_TokenWithoutChatWrite_WithEnforceScopes_MissingScopeNamingTheScope()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.EnforceScopes = true);
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack, "channels:read,channels:history").AccessToken;

        var refused = await SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = "#general", ["text"] = "x" });
        var allowed = await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []);

        refused["ok"]!.GetValue<bool>().ShouldBeFalse();
        refused["error"]!.GetValue<string>().ShouldBe("missing_scope");
        refused["needed"]!.GetValue<string>().ShouldBe("chat:write");
        refused["provided"]!.GetValue<string>().ShouldBe("channels:read,channels:history");
        allowed["ok"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Call_WithoutOrWithBadToken_NotAuthedOrInvalidAuth()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", null, []))["error"]!.GetValue<string>().ShouldBe("not_authed");
        (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", "xoxb-made-up", []))["error"]!.GetValue<string>().ShouldBe("invalid_auth");
    }

    [Fact]
    public async Task ConversationsList_OverTier2_Answers429WithRetryAfterUntilTheMinutePasses()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimits.SlackTier2PerMinute = 2);
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["ok"]!.GetValue<bool>().ShouldBeTrue();
        (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["ok"]!.GetValue<bool>().ShouldBeTrue();

        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/api/conversations.list") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new("Bearer", token);
        using var limited = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        retryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        (await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("ratelimited");

        sandbox.Time.Advance(retryAfter);
        (await SlackOAuthTests.Post(sandbox, "slack/api/conversations.list", token, []))["ok"]!.GetValue<bool>().ShouldBeTrue();
    }
}
