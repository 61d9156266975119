using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.Slack;
using Mooring.Providers.Stripe;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>Retries only when safe: idempotent methods, or writes that carry the provider's idempotency key.</summary>
public sealed class RetryTests : OutboundTestBase
{
    [Theory]
    [InlineData(FaultKind.Status)]
    [InlineData(FaultKind.Abort)]
    [InlineData(FaultKind.Hang)]
    public async Task PostWithoutKey_FailsWithoutAnswer_IsSentOnce(FaultKind kind)
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "chat.postMessage", Kind = kind, StatusCode = 503 });

        var error = await Should.ThrowAsync<ProviderApiException>(
            Host.DriveAsync(Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "once", Ct), hangs: kind == FaultKind.Hang));

        Host.Sandbox.Control.FaultLog.Count.ShouldBe(1);
        Host.Wire.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal)).ShouldBe(1);
        error.Attempts.ShouldBe(1);
        error.Category.ShouldBe(kind == FaultKind.Abort ? ProviderErrorCategory.Network : ProviderErrorCategory.ProviderUnavailable);
        error.IsRetryable.ShouldBeTrue();
    }

    [Fact]
    public async Task SlackPostWithAnIdempotencyKeyHeader_FailsWithAnswer_IsSentOnce()
    {
        // Slack does not de-duplicate on Idempotency-Key: the header a caller adds does not make the POST safe to repeat.
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "chat.postMessage", Kind = FaultKind.Status, StatusCode = 503 });
        using var client = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = new StringContent("""{"channel":"#general","text":"once"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "order-7");

        using var response = await Host.DriveAsync(client.SendAsync(request, Ct));

        ((int)response.StatusCode).ShouldBe(503);
        Host.Wire.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task StripePost_RetriedAfter503s_EveryAttemptCarriesTheSameIdempotencyKey()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "subscriptions.create", Kind = FaultKind.Status, StatusCode = 503, MaxHits = 2 });

        var subscription = await Host.DriveAsync(Host.Get<StripeBillingClient>().CreateSubscriptionAsync(connection.Id, new StripeSubscriptionRequest(await Host.FirstStripeCustomerAsync(connection.Id), "price_pro"), Ct));

        subscription.Status.ShouldBe("incomplete");
        var posts = Host.Wire.Requests.Where(r => r.Method == "POST").ToList();
        posts.Count.ShouldBe(3);
        posts.Select(p => p.Headers["Idempotency-Key"]).Distinct().Count().ShouldBe(1);
        posts[0].Headers["Idempotency-Key"].ShouldStartWith("mooring-");
    }

    [Fact]
    public async Task StripePost_ShouldRetryTrueOn409_IsRetried()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.create", Kind = FaultKind.Status, StatusCode = 409, MaxHits = 1 });

        using var customer = await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(
            connection.Id, new ProviderRequest(HttpMethod.Post, "v1/customers") { Content = new FormUrlEncodedContent([new("email", "ada@example.com")]) }, Ct));

        customer.RootElement.GetProperty("email").GetString().ShouldBe("ada@example.com");
        Host.Wire.Requests.Count(r => r.Method == "POST").ShouldBe(2);
    }

    [Fact]
    public async Task SlackGet_OkFalseWithAFailureOfSlackInAnHttp200_IsRetriedLikeA5xx()
    {
        // The sandbox's Slack answers this fault with HTTP 200 {"ok":false,"error":"request_timeout"}.
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = FaultKind.Status, StatusCode = 200, MaxHits = 1 });

        using var page = await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct));

        page.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue();
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task StripeGet_ShouldRetryFalseOnA408_IsNotRetried()
    {
        // A 408 is transient by its status, but Stripe's "Stripe-Should-Retry: false" (which the sandbox sends with it) wins.
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 408, MaxHits = 1 });

        var error = await Should.ThrowAsync<ProviderApiException>(
            Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)));

        error.StatusCode.ShouldBe(408);
        Host.Wire.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsAsToldThenSucceeds()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = FaultKind.RateLimit, RetryAfter = TimeSpan.FromSeconds(7), MaxHits = 1 });
        var start = Host.Time.GetTimestamp();

        using var page = await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct));

        Host.Time.GetElapsedTime(start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_RetryAfterBeyondBudget_FailsAtOnceAsRateLimitedWithRetryAfter()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "conversations.list", Kind = FaultKind.RateLimit, RetryAfter = TimeSpan.FromMinutes(2) });

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "conversations.list"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        error.StatusCode.ShouldBe(429);
        Host.Wire.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_Persistent503_StopsAfterMaxAttempts()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503 });

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.ProviderUnavailable);
        error.Attempts.ShouldBe(4);
        error.Message.ShouldStartWith("Stripe failed GET /v1/customers: HTTP 503");
        error.Message.ShouldEndWith("after 4 attempts");
        Host.Wire.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Get_404_IsNotRetried()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers/cus_missing"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.NotFound);
        Host.Wire.Requests.Count.ShouldBe(1);
    }
}
