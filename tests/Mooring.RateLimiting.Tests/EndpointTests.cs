using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.RateLimiting.Tests;

public sealed class EndpointTests
{
    private static readonly ProviderDefinition Slack = TestLimiter.Builtin("slack");

    [Fact]
    public async Task AcquireAsync_SlackPostMessage_PacesEachChannelApart()
    {
        var test = new TestLimiter();

        await test.AcquireAsync(Slack, PostMessage("C1"));
        var otherChannel = test.AcquireAsync(Slack, PostMessage("C2"));
        var sameChannel = test.AcquireAsync(Slack, PostMessage("C1"));

        await test.ShouldWaitForAsync(sameChannel, TimeSpan.FromSeconds(1));
        otherChannel.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task PlanAsync_PartitionInFormJsonOrQuery_IsReadWithoutConsumingTheBody()
    {
        var planner = new RequestPlanner(Options.Create(TestLimiter.Exact()));
        using var form = PostMessage("C-form");
        using var json = new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage") { Content = JsonContent.Create(new { channel = "C-json", text = "hi" }) };
        using var query = new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage?channel=C-query");
        var token = TestContext.Current.CancellationToken;

        (await planner.PlanAsync(Slack, TestLimiter.Connection, form, token)).NarrowKey.ShouldBe("slack:c:conn-1:e:chat-post-message:C-form");
        (await planner.PlanAsync(Slack, TestLimiter.Connection, json, token)).NarrowKey.ShouldBe("slack:c:conn-1:e:chat-post-message:C-json");
        (await planner.PlanAsync(Slack, TestLimiter.Connection, query, token)).NarrowKey.ShouldBe("slack:c:conn-1:e:chat-post-message:C-query");
        (await form.Content!.ReadAsStringAsync(token)).ShouldBe("channel=C-form&text=hello");
        (await json.Content!.ReadAsStringAsync(token)).ShouldContain("\"channel\":\"C-json\"");
    }

    [Fact]
    public async Task PlanAsync_PerPatternClass_CountsEachMethodApart()
    {
        var planner = new RequestPlanner(Options.Create(TestLimiter.Exact()));
        var token = TestContext.Current.CancellationToken;

        var list = await planner.PlanAsync(Slack, TestLimiter.Connection, TestLimiter.Get(Slack, "conversations.list"), token);
        var users = await planner.PlanAsync(Slack, TestLimiter.Connection, TestLimiter.Get(Slack, "users.list"), token);

        list.NarrowKey.ShouldBe("slack:c:conn-1:e:tier2:/conversations.list");
        users.NarrowKey.ShouldBe("slack:c:conn-1:e:tier2:/users.list");
    }

    [Fact]
    public async Task AcquireAsync_EndpointWithALimit_CountsAgainstItsClassAndTheDefaultBuckets()
    {
        var stripe = TestLimiter.Builtin("stripe");
        var planner = new RequestPlanner(Options.Create(TestLimiter.Exact()));

        var search = await planner.PlanAsync(stripe, TestLimiter.Connection, TestLimiter.Get(stripe, "v1/customers/search"), TestContext.Current.CancellationToken);

        search.Demands.Select(d => d.Key).ShouldBe(["stripe:c:conn-1:b:global", "stripe:c:conn-1:e:search"]);
    }

    [Fact]
    public async Task AcquireAsync_EndpointCost_TakesThatManyUnits()
    {
        var test = new TestLimiter(new RateLimitingOptions { SafetyMargin = 0, BurstFraction = 1 });
        var provider = TestLimiter.Definition(new RateLimitPolicy
        {
            Buckets = [new RateLimitBucket { Name = "units", Limit = 10, Period = TimeSpan.FromSeconds(1) }],
            Endpoints = [new EndpointRateLimit { Name = "send", Match = ["POST /messages/send"], Cost = 5 }],
        });
        HttpRequestMessage Send() => new(HttpMethod.Post, "https://api.test/v1/messages/send");

        await test.AcquireAsync(provider, Send());
        await test.AcquireAsync(provider, Send());
        var third = test.AcquireAsync(provider, Send());
        var cheap = test.AcquireAsync(provider, "/messages");
        await test.ParkedAsync(2);

        // A burst of the whole limit leaves one unit per period to sustain (so no second ever sees more than 10):
        // two calls of 5 units take the burst, and the third waits until 5 units are back, 5 s later.
        third.IsCompleted.ShouldBeFalse("two calls of 5 units use the burst of 10");
        cheap.IsCompleted.ShouldBeFalse("the cheap call waits behind the dear one on the shared bucket");
        test.Time.Advance(TimeSpan.FromMilliseconds(4999));
        await test.ParkedAsync(2);
        third.IsCompleted.ShouldBeFalse();
        test.Time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    private static HttpRequestMessage PostMessage(string channel) => new(HttpMethod.Post, "https://slack.com/api/chat.postMessage")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = channel, ["text"] = "hello" }),
    };
}
