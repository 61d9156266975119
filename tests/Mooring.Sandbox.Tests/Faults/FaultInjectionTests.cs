using System.Net;
using System.Net.Http.Json;
using Mooring.Sandbox.Faults;

namespace Mooring.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task SameSeed_SameRequests_SameFaultsInTheSameOrder()
    {
        var first = await Outcomes(seed: 7);
        var second = await Outcomes(seed: 7);
        var other = await Outcomes(seed: 8);

        second.ShouldBe(first);
        first.ShouldContain(503);
        first.ShouldContain(200);
        other.ShouldNotBe(first);
    }

    [Fact]
    public async Task StatusFault_IsRenderedInTheProvidersOwnErrorShape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", StatusCode = 500 });
        using var response = await Stripe.StripeApiTests.Get(sandbox, "stripe/v1/customers");
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.GetValues("Stripe-Should-Retry").Single().ShouldBe("true");
        (await Stripe.StripeApiTests.Json(response))["error"]!["type"]!.GetValue<string>().ShouldBe("api_error");

        using var other = await Stripe.StripeApiTests.Get(sandbox, "stripe/v1/invoices");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AbortFault_DropsTheConnection()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Kind = FaultKind.Abort, MaxHits = 1 });
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        await Should.ThrowAsync<HttpRequestException>(() => GitHub.GitHubApiTests.Get(sandbox, "github/repos/o/r/issues", token));
        (await GitHub.GitHubApiTests.Get(sandbox, "github/repos/o/r/issues", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HangFault_NeverAnswers_TheClientTimesOut()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = FaultKind.Hang });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = sandbox.Http.PostAsync("slack/api/conversations.list", new FormUrlEncodedContent([]), cts.Token);
        while (sandbox.Control.FaultLog.Count == 0)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await Task.Delay(50, TestContext.Current.CancellationToken);
        call.IsCompleted.ShouldBeFalse();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task TruncateBodyFault_SendsTheHeadersAndHalfTheBody_ThenTheBodyEndsShort()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        using var response = await GitHubUserHeadersAsync(sandbox, FaultKind.TruncateBody);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldNotBeNull().ShouldBeGreaterThan(0);
        await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StallBodyFault_SendsTheHeaders_ThenTheBodyNeverEnds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await GitHubUserHeadersAsync(sandbox, FaultKind.StallBody);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[(int)response.Content.Headers.ContentLength!.Value];

        // The first half comes; the rest never does, until the client gives up.
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
        read.ShouldBeGreaterThan(0);
        read.ShouldBeLessThan(buffer.Length);
        var rest = stream.ReadAsync(buffer.AsMemory(read), cts.Token).AsTask();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        rest.IsCompleted.ShouldBeFalse();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => rest);
    }

    [Fact]
    public async Task LatencyFault_WaitsOnTheSandboxClock()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Google, Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(30) });
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "google/gmail/v1/users/me/profile");
        request.Headers.Authorization = new("Bearer", token);
        var call = sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);

        // The fake clock may move before the sandbox starts waiting; 29 seconds can never release a 30-second wait.
        for (var second = 0; second < 29; second++)
        {
            sandbox.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2, TestContext.Current.CancellationToken);
            call.IsCompleted.ShouldBeFalse();
        }

        for (var step = 0; step < 2000 && !call.IsCompleted; step++)
        {
            sandbox.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        using var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimitStorm_SkipFirstThenMaxHits_ThenRecovers()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Kind = FaultKind.RateLimit, SkipFirst = 1, MaxHits = 2, RetryAfter = TimeSpan.FromSeconds(12) });
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "slack/api/auth.test") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(12));
            }
        }

        statuses.ShouldBe([200, 429, 429, 200]);
    }

    [Fact]
    public async Task RevokeTokenFault_NextCallSeesARevokedToken()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "chat.postMessage", Kind = FaultKind.RevokeToken });
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack).AccessToken;
        var result = await Slack.SlackOAuthTests.Post(sandbox, "slack/api/chat.postMessage", token, new() { ["channel"] = "x", ["text"] = "y" });
        result["error"]!.GetValue<string>().ShouldBe("token_revoked");
    }

    [Fact]
    public async Task RevokeTokenFault_JsonBody_IsStillReadByTheEndpoint()
    {
        // Finding the presented token must not consume a JSON body that the endpoint reads afterwards.
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "chat.postMessage", Kind = FaultKind.RevokeToken });
        var token = sandbox.Control.IssueToken(SandboxProvider.Slack, "chat:write").AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/api/chat.postMessage") { Content = JsonContent.Create(new { channel = "general", text = "y" }) };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);

        body!["error"]!.GetValue<string>().ShouldBe("token_revoked");
    }

    [Fact]
    public async Task ControlApi_AddsListsAndClearsFaultsOverHttp()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var added = await sandbox.Http.PostAsJsonAsync("_sandbox/faults", new { provider = "github", endpoint = "users.get-authenticated", kind = "Status", statusCode = 502 }, TestContext.Current.CancellationToken);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken;
        (await GitHub.GitHubApiTests.Get(sandbox, "github/user", token)).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await sandbox.Http.GetStringAsync("_sandbox/faults/log", TestContext.Current.CancellationToken)).ShouldContain("users.get-authenticated");

        (await sandbox.Http.DeleteAsync("_sandbox/faults", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GitHub.GitHubApiTests.Get(sandbox, "github/user", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>GET github/user, met once by a fault of <paramref name="kind"/>, answered as far as its headers.</summary>
    private static async Task<HttpResponseMessage> GitHubUserHeadersAsync(TestSandbox sandbox, FaultKind kind)
    {
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "users.get-authenticated", Kind = kind, MaxHits = 1 });
        using var request = new HttpRequestMessage(HttpMethod.Get, "github/user");
        request.Headers.Authorization = new("Bearer", sandbox.Control.IssueToken(SandboxProvider.GitHub).AccessToken);
        return await sandbox.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    private static async Task<List<int>> Outcomes(int seed)
    {
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.Seed = seed;
            o.RateLimits.Enabled = false;
        });
        sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Probability = 0.4, StatusCode = 503 });
        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await Stripe.StripeApiTests.Get(sandbox, "stripe/v1/customers?limit=1");
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
