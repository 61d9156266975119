using System.Net;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Tests.Stripe;

public sealed class StripeApiTests
{
    [Fact]
    public async Task IdempotencyKey_SameParams_ReplaysStoredResponse()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var first = await Post(sandbox, "stripe/v1/customers", new() { ["email"] = "a@example.com" }, "key-1");
        using var second = await Post(sandbox, "stripe/v1/customers", new() { ["email"] = "a@example.com" }, "key-1");

        var a = await Json(first);
        var b = await Json(second);
        b["id"]!.GetValue<string>().ShouldBe(a["id"]!.GetValue<string>());
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task IdempotencyKey_DifferentParams_Answers400IdempotencyError()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        (await Post(sandbox, "stripe/v1/customers", new() { ["email"] = "a@example.com" }, "key-2")).Dispose();
        using var conflict = await Post(sandbox, "stripe/v1/customers", new() { ["email"] = "b@example.com" }, "key-2");

        conflict.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(conflict))["error"]!["type"]!.GetValue<string>().ShouldBe("idempotency_error");
    }

    [Fact]
    public async Task Subscription_ExpandLatestInvoicePaymentIntent_ReturnsClientSecret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var customer = await Json(await Post(sandbox, "stripe/v1/customers", []));
        using var response = await Post(sandbox, "stripe/v1/subscriptions", new()
        {
            ["customer"] = customer["id"]!.GetValue<string>(),
            ["items[0][price]"] = "price_1",
            ["payment_behavior"] = "default_incomplete",
            ["expand[]"] = "latest_invoice.payment_intent",
        });
        var sub = await Json(response);
        sub["latest_invoice"]!["payment_intent"]!["client_secret"]!.GetValue<string>().ShouldContain("_secret_");
        sub["latest_invoice"]!["payment_intent"]!["status"]!.GetValue<string>().ShouldBe("requires_payment_method");
    }

    [Fact]
    public async Task Requests_OverTheTestModeLimit_Answer429WithShouldRetry()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimits.StripePerSecond = 3);
        for (var i = 0; i < 3; i++)
        {
            (await Get(sandbox, "stripe/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await Get(sandbox, "stripe/v1/customers");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.GetValues("Stripe-Should-Retry").Single().ShouldBe("true");
        (await Json(limited))["error"]!["code"]!.GetValue<string>().ShouldBe("rate_limit");

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        (await Get(sandbox, "stripe/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_WithoutKeyOrWithBadKey_Answers401()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var none = await sandbox.Http.GetAsync("stripe/v1/customers", TestContext.Current.CancellationToken);
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json(none))["error"]!["message"]!.GetValue<string>().ShouldStartWith("You did not provide an API key");

        using var bad = await Get(sandbox, "stripe/v1/customers", "sk_test_wrongwrongwrong");
        (await Json(bad))["error"]!["message"]!.GetValue<string>().ShouldNotContain("wrongwrongwrong");
    }

    [Fact]
    public async Task List_StartingAfterUnknownId_Answers404ResourceMissing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await Get(sandbox, "stripe/v1/customers?starting_after=cus_nope");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(response))["error"]!["param"]!.GetValue<string>().ShouldBe("starting_after");
    }

    [Fact]
    public async Task Events_CreatedGt_ReturnsOnlyLaterEvents()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        (await Post(sandbox, "stripe/v1/customers", [])).Dispose();
        var cut = sandbox.Time.GetUtcNow().ToUnixTimeSeconds();
        sandbox.Time.Advance(TimeSpan.FromSeconds(5));
        (await Post(sandbox, "stripe/v1/customers", new() { ["email"] = "late@example.com" })).Dispose();

        using var response = await Get(sandbox, $"stripe/v1/events?created[gt]={cut}");
        var events = (await Json(response))["data"]!.AsArray();
        events.Count.ShouldBe(1);
        events[0]!["data"]!["object"]!["email"]!.GetValue<string>().ShouldBe("late@example.com");
    }

    internal static async Task<HttpResponseMessage> Post(TestSandbox sandbox, string path, Dictionary<string, string> form, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new("Bearer", sandbox.Control.Options.StripeApiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await sandbox.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    internal static Task<HttpResponseMessage> Get(TestSandbox sandbox, string path, string? key = null) =>
        sandbox.SendAsync(HttpMethod.Get, path, key ?? sandbox.Control.Options.StripeApiKey);

    internal static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
}
