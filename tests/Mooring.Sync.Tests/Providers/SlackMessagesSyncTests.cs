using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mooring.Connections;
using Mooring.Sandbox.Faults;
using Mooring.Sandbox.Webhooks;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Providers;

/// <summary>
/// Slack messages against the sandbox (5 channels of 250 messages, so a channel's full history is 2 pages of 200 and
/// an incremental read of it 1): full passes, per-channel high-water marks with an overlap, deletions by full passes.
/// </summary>
public sealed class SlackMessagesSyncTests : IAsyncLifetime
{
    private const string Model = "slack-messages";
    private const int Channels = 5;
    private const int PerChannel = 250;
    private const string SigningSecret = "slack_signing_secret_sync_tests";
    private SyncHost _host = null!;
    private HttpClient _slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SyncHost.StartAsync(
            o => o.Data.SlackMessages = PerChannel,
            settings: new() { ["Mooring:Webhooks:Providers:slack:Secrets:0"] = SigningSecret, ["Mooring:Webhooks:Workers"] = "0" });
        _slack = new HttpClient { BaseAddress = new Uri(_host.Sandbox.AddressOf("slack"), "api/") };
        _slack.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.Sandbox.Control.IssueToken("slack", "chat:write channels:history").AccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        _slack.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FullPass_AfterPostsInSeveralChannels_EndsWithExactlyTheSandboxMessages()
    {
        var slack = await _host.OAuthAsync("slack", "slack-1");
        var channels = await ChannelsAsync();
        foreach (var channel in channels.Take(3))
        {
            await PostAsync(channel, "deploy started");
            await PostAsync(channel, "deploy done");
        }

        var run = await _host.RunAsync(slack, Model);

        run.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        run.Status.ShouldBe(SyncRunStatus.Succeeded);
        run.Added.ShouldBe((Channels * PerChannel) + 6);
        run.Pages.ShouldBe(Channels * 2);
        await ShouldEqualSandboxAsync(slack);
    }

    [Fact]
    public async Task Incremental_AfterNewMessages_ReadsOnePagePerChannel_AddsOnlyTheNewOnes_EndsEqual()
    {
        var slack = await SyncedAsync();
        var channels = await ChannelsAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await PostAsync(channels[0], "one");
        await PostAsync(channels[1], "two");
        await PostAsync(channels[1], "three");

        var incremental = await _host.RunAsync(slack, Model);
        var quiet = await _host.RunAsync(slack, Model);

        incremental.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        incremental.Status.ShouldBe(SyncRunStatus.Succeeded);
        incremental.Pages.ShouldBe(Channels, "each channel is read from its mark less the overlap: one page, not two");
        incremental.Added.ShouldBe(3);
        (incremental.Updated + incremental.Deleted).ShouldBe(0, "the overlap's re-read messages are unchanged");
        quiet.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        (quiet.Added + quiet.Updated + quiet.Deleted).ShouldBe(0);
        await ShouldEqualSandboxAsync(slack);
    }

    [Fact]
    public async Task DeletedMessage_StaysAfterAnIncrementalRun_DisappearsAfterAFullPass()
    {
        var slack = await _host.OAuthAsync("slack", "slack-1");
        var channel = (await ChannelsAsync())[2];
        var ts = await PostAsync(channel, "wrong channel, sorry");
        await _host.RunAsync(slack, Model);
        (await _host.LocalAsync(slack, Model)).ShouldContainKey($"{channel}:{ts}");

        await DeleteAsync(channel, ts);
        var incremental = await _host.RunAsync(slack, Model);
        var afterIncremental = await _host.LocalAsync(slack, Model);
        var full = await _host.RunAsync(slack, Model, SyncRunKind.Full);

        incremental.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        incremental.Deleted.ShouldBe(0);
        afterIncremental.ShouldContainKey($"{channel}:{ts}", "history has no deletion signal: only a full pass sees it");
        full.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);
        full.Deleted.ShouldBe(1);
        (await _host.LocalAsync(slack, Model)).ShouldNotContainKey($"{channel}:{ts}");
        await ShouldEqualSandboxAsync(slack);
    }

    [Fact]
    public async Task Cursor_IsAChannelMapInTheStore_AnInterruptedIncrementalResumesWhereItStopped()
    {
        var slack = await SyncedAsync();
        var channels = await ChannelsAsync();
        var marks = await MarksAsync(slack);
        marks.Keys.ShouldBe(channels, ignoreOrder: true);
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        foreach (var channel in channels)
        {
            await PostAsync(channel, "standup");
        }

        _host.Sandbox.Control.AddFault(new FaultRule { Provider = "slack", Endpoint = "conversations.history", StatusCode = 500, SkipFirst = 2, MaxHits = 1 });
        var failed = await _host.RunAsync(slack, Model);
        var resumed = await _host.RunAsync(slack, Model);

        failed.ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Failed);
        failed.Pages.ShouldBe(2);
        failed.Added.ShouldBe(2);
        resumed.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        resumed.Status.ShouldBe(SyncRunStatus.Succeeded);
        resumed.Pages.ShouldBe(Channels - 2, "the pass resumes after the 2 committed channels");
        resumed.Added.ShouldBe(Channels - 2);
        var moved = await MarksAsync(slack);
        foreach (var channel in channels)
        {
            decimal.Parse(moved[channel], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(decimal.Parse(marks[channel], System.Globalization.CultureInfo.InvariantCulture));
        }

        await ShouldEqualSandboxAsync(slack);
    }

    [Fact]
    public async Task MessageEvent_FromTheEventsApi_StartsOneWebhookRun_ThatAddsTheNewMessage()
    {
        var slack = await SyncedAsync();
        var channel = (await ChannelsAsync())[0];
        var ts = await PostAsync(channel, "from the Events API");
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = "verification-token",
            ["team_id"] = "T0SANDBOX",
            ["api_app_id"] = "A0SANDBOX",
            ["type"] = "event_callback",
            ["event_id"] = "Ev0MESSAGE1",
            ["event_time"] = _host.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = new Dictionary<string, string> { ["type"] = "message", ["channel"] = channel, ["user"] = "U0SANDBOX", ["text"] = "from the Events API", ["ts"] = ts },
        });
        (await _host.DeliverWebhookAsync("/webhooks/slack/slack-1", WebhookScheme.Slack, SigningSecret, new WebhookMessage("Ev0MESSAGE1", "message", body)))
            .IsSuccessStatusCode.ShouldBeTrue();
        await _host.ProcessWebhooksAsync();

        (await _host.Sync.GetStatusAsync(slack.Id, Ct)).Single(s => s.Model == Model).Requested.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Webhook);
        await _host.Get<SyncScheduler>().RunDueAsync(Ct);

        var runs = await _host.Get<ISyncStore>().ListRunsAsync(slack.Id, Model, 10, Ct);
        runs[0].Kind.ShouldBe(SyncRunKind.Webhook);
        runs[0].Status.ShouldBe(SyncRunStatus.Succeeded);
        runs[0].Added.ShouldBe(1);
        (await _host.LocalAsync(slack, Model)).ShouldContainKey($"{channel}:{ts}");
        await ShouldEqualSandboxAsync(slack);
    }

    [Fact]
    public async Task Incremental_ChannelMissingFromTheCursor_IsReadInFull()
    {
        var slack = await SyncedAsync();
        var marks = await MarksAsync(slack);
        marks.Remove((await ChannelsAsync())[4]); // as if the channel were new since the last pass
        var store = _host.Get<ISyncStore>();
        await store.TryAcquireLeaseAsync(slack.Id, Model, "test", _host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), Ct);
        await store.SaveCursorAsync(slack.Id, Model, "test", SyncCheckpoint.Incremental(JsonSerializer.Serialize(marks), null).Serialize(), true, _host.Time.GetUtcNow(), Ct);
        await store.ReleaseLeaseAsync(slack.Id, Model, "test", Ct);

        var run = await _host.RunAsync(slack, Model);

        run.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        run.Pages.ShouldBe(Channels - 1 + 2, "four channels from their marks, the new one's whole history (2 pages)");
        (run.Added + run.Updated + run.Deleted).ShouldBe(0);
        (await MarksAsync(slack)).Count.ShouldBe(Channels);
    }

    /// <summary>A Slack connection after its first (full) pass.</summary>
    private async Task<Connection> SyncedAsync()
    {
        var slack = await _host.OAuthAsync("slack", "slack-1");
        var full = await _host.RunAsync(slack, Model);
        full.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        full.Status.ShouldBe(SyncRunStatus.Succeeded);
        return slack;
    }

    private async Task<Dictionary<string, string>> MarksAsync(Connection slack)
    {
        var state = await _host.Get<ISyncStore>().GetStateAsync(slack.Id, Model, Ct);
        var checkpoint = SyncCheckpoint.Parse(state.ShouldNotBeNull().Cursor).ShouldNotBeNull();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(checkpoint.Feed.ShouldNotBeNull()).ShouldNotBeNull();
    }

    private async Task ShouldEqualSandboxAsync(Connection slack)
    {
        var remote = await TruthAsync();
        var local = await _host.LocalAsync(slack, Model);
        local.Keys.Order(StringComparer.Ordinal).ShouldBe(remote.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, json) in remote)
        {
            local[id].ShouldBe(json);
        }
    }

    /// <summary>Every message of every member channel, read straight from the sandbox, in the form the store keeps.</summary>
    private async Task<Dictionary<string, string>> TruthAsync()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in await ChannelsAsync())
        {
            var cursor = string.Empty;
            do
            {
                var page = await CallAsync("conversations.history", new() { ["channel"] = channel, ["limit"] = "999", ["cursor"] = cursor });
                foreach (var message in page["messages"]!.AsArray())
                {
                    message!["channel"] = channel;
                    using var json = JsonDocument.Parse(message.ToJsonString());
                    all[$"{channel}:{message["ts"]!.GetValue<string>()}"] = CanonicalJson.Write(json.RootElement).Json;
                }

                cursor = page["response_metadata"]!["next_cursor"]!.GetValue<string>();
            }
            while (cursor.Length > 0);
        }

        return all;
    }

    private async Task<List<string>> ChannelsAsync() =>
        [.. (await CallAsync("conversations.list", new() { ["limit"] = "1000" }))["channels"]!.AsArray()
            .Where(c => c!["is_member"]!.GetValue<bool>())
            .Select(c => c!["id"]!.GetValue<string>())];

    private async Task<string> PostAsync(string channel, string text) =>
        (await CallAsync("chat.postMessage", new() { ["channel"] = channel, ["text"] = text }))["ts"]!.GetValue<string>();

    private Task DeleteAsync(string channel, string ts) => CallAsync("chat.delete", new() { ["channel"] = channel, ["ts"] = ts });

    private async Task<JsonObject> CallAsync(string method, Dictionary<string, string> args)
    {
        using var response = await _slack.PostAsync(method, new FormUrlEncodedContent(args), Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        body["ok"]!.GetValue<bool>().ShouldBeTrue(body.ToJsonString());
        return body;
    }
}
