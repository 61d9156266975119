using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Outbound.RequestLog;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.AspNetCore.Tests.Management;

/// <summary><c>GET /api/requests</c>: the request log of calls made through the pipeline (here the proxy) to the sandbox.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class RequestLogEndpointsTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private MooringTestHost _mooring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 5, TimeProvider = new FakeTimeProvider() }, cancellationToken: Ct);
        _mooring = await MooringTestHost.StartAsync(fixture.Idp, settings: new()
        {
            ["Mooring:Providers:stripe:apiBaseUrl"] = _sandbox.AddressOf(SandboxProvider.Stripe).AbsoluteUri,
            ["Mooring:Outbound:RetryBaseDelay"] = "00:00:00", // the test's clock does not move by itself
        });
        var connections = _mooring.Get<IConnectionManager>();
        foreach (var (id, key) in new[] { ("stripe-1", _sandbox.Control.Options.StripeApiKey), ("stripe-2", _sandbox.Control.Options.StripeApiKey), ("stripe-bad", "sk_test_not_a_key") })
        {
            await connections.CreateAsync(new CreateConnectionRequest { Id = ConnectionId.Parse(id), Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, ApiKey = key }, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _mooring.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task List_ShowsEachAttemptNewestFirst_WithItsFields_AndNoSecret()
    {
        _sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Status, StatusCode = 503, MaxHits = 1 });
        await CallAsync("stripe-1", "v1/customers?email=ada@example.com", HttpStatusCode.OK);

        var (page, text) = await ListAsync("?connection=stripe-1");

        var entries = page.GetProperty("data").EnumerateArray().ToList();
        entries.Select(e => (e.GetProperty("attempt").GetInt32(), e.GetProperty("status").GetInt32(), e.GetProperty("category").GetString()))
            .ShouldBe([(2, 200, null), (1, 503, "provider_unavailable")]);
        var first = entries[0];
        first.GetProperty("id").GetInt64().ShouldBeGreaterThan(entries[1].GetProperty("id").GetInt64());
        first.GetProperty("at").GetDateTimeOffset().ShouldBe(_mooring.Time.GetUtcNow());
        (first.GetProperty("provider").GetString(), first.GetProperty("connection_id").GetString()).ShouldBe(("stripe", "stripe-1"));
        (first.GetProperty("method").GetString(), first.GetProperty("path").GetString()).ShouldBe(("GET", "/v1/customers"));
        first.GetProperty("duration_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        first.GetProperty("trace_id").GetString().ShouldNotBeNullOrEmpty();
        entries[1].GetProperty("trace_id").GetString().ShouldBe(first.GetProperty("trace_id").GetString(), "both attempts of one call");
        page.GetProperty("next_before").ValueKind.ShouldBe(JsonValueKind.Null);
        text.ShouldNotContain(_sandbox.Control.Options.StripeApiKey);
        text.ShouldNotContain("ada@example.com");
    }

    [Fact]
    public async Task List_ErrorsAndCategory_KeepOnlyThoseFailures_WithTheOtherFilters()
    {
        await CallAsync("stripe-1", "v1/customers", HttpStatusCode.OK);
        await CallAsync("stripe-1", "v1/customers/cus_missing", HttpStatusCode.NotFound);
        await CallAsync("stripe-2", "v1/customers", HttpStatusCode.OK);
        await CallAsync("stripe-bad", "v1/customers", HttpStatusCode.Unauthorized);

        (await CategoriesAsync("")).ShouldBe([("stripe-bad", "auth"), ("stripe-2", null), ("stripe-1", "not_found"), ("stripe-1", null)]);
        (await CategoriesAsync("?errors=true")).ShouldBe([("stripe-bad", "auth"), ("stripe-1", "not_found")]);
        (await CategoriesAsync("?category=auth")).ShouldBe([("stripe-bad", "auth")]);
        (await CategoriesAsync("?category=auth,not_found&errors=false")).ShouldBe([("stripe-bad", "auth"), ("stripe-1", "not_found")]);
        (await CategoriesAsync("?errors=true&connection=stripe-1")).ShouldBe([("stripe-1", "not_found")]);
        (await CategoriesAsync("?errors=true&provider=slack")).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_SinceAndPaging_FollowTheTimeAndTheNextCursor()
    {
        var start = _mooring.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await CallAsync("stripe-1", "v1/customers", HttpStatusCode.OK);
            _mooring.Time.Advance(TimeSpan.FromHours(1));
        }

        var (since, _) = await ListAsync($"?since={Uri.EscapeDataString((start + TimeSpan.FromMinutes(30)).ToString("O"))}");
        var (sinceWithoutOffset, _) = await ListAsync("?since=" + (start + TimeSpan.FromMinutes(90)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        var (first, _) = await ListAsync("?limit=2");
        var next = first.GetProperty("next_before").GetInt64();
        var (rest, _) = await ListAsync($"?limit=2&before={next}");

        since.GetProperty("data").GetArrayLength().ShouldBe(2);
        sinceWithoutOffset.GetProperty("data").GetArrayLength().ShouldBe(1, "a time without offset is UTC");
        var firstIds = first.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        firstIds.Count.ShouldBe(2);
        next.ShouldBe(firstIds[^1]);
        var restIds = rest.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        restIds.ShouldHaveSingleItem().ShouldBeLessThan(next);
        rest.GetProperty("next_before").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("provider=Not%20A%20Key", "provider: ")]
    [InlineData("connection=no%20spaces", "connection: ")]
    [InlineData("since=yesterday", "since: 'yesterday' is not an ISO 8601 time")]
    [InlineData("category=auth,bogus", "category: 'bogus' is not one of auth, needs_reconnect, rate_limited, not_found, validation, provider_unavailable, network, circuit_open, cancelled.")]
    [InlineData("limit=0", "limit: 0 is out of range; use 1 to 1000.")]
    [InlineData("limit=1001", "limit: 1001 is out of range; use 1 to 1000.")]
    public async Task List_BadInput_Is400NamingTheField(string query, string detail)
    {
        using var response = await _mooring.Client.GetAsync("/api/requests?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith(detail);
    }

    [Fact]
    public async Task List_WithoutTheApiKey_Is401()
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/requests");
        anonymous.Headers.Add("X-Mooring-Api-Key", "not-the-key");

        using var response = await _mooring.Client.SendAsync(anonymous, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Calls the provider through the proxy, then writes the request log as the writer would after its interval.</summary>
    private async Task CallAsync(string connection, string path, HttpStatusCode expected)
    {
        using var response = await _mooring.Client.GetAsync($"/proxy/{connection}/{path}", Ct);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        await _mooring.Get<RequestLogWriter>().FlushAsync(Ct);
    }

    private async Task<(JsonElement Page, string Text)> ListAsync(string query)
    {
        using var response = await _mooring.Client.GetAsync("/api/requests" + query, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private async Task<List<(string?, string?)>> CategoriesAsync(string query) =>
        [.. (await ListAsync(query)).Page.GetProperty("data").EnumerateArray().Select(e => (e.GetProperty("connection_id").GetString(), e.GetProperty("category").GetString()))];
}
