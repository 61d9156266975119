using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mooring.AspNetCore.Proxy;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.Errors;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;
using Mooring.Testing;

namespace Mooring.AspNetCore.Tests.Proxy;

/// <summary>/proxy/{connection}/{path}: the provider's API with the connection's credentials, and nothing else reachable.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class ProxyTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private EchoUpstream _echo = null!;
    private MooringTestHost _mooring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 5, TimeProvider = new FakeTimeProvider() }, cancellationToken: Ct);
        _echo = await EchoUpstream.StartAsync();
        var slack = _sandbox.AddressOf(SandboxProvider.Slack);
        _mooring = await MooringTestHost.StartAsync(fixture.Idp, settings: new()
        {
            ["Mooring:Providers:stripe:apiBaseUrl"] = _sandbox.AddressOf(SandboxProvider.Stripe).AbsoluteUri,
            ["Mooring:Providers:slack:apiBaseUrl"] = new Uri(slack, "api/").AbsoluteUri,
            ["Mooring:Providers:slack:oauth2:tokenUrl"] = new Uri(slack, "api/oauth.v2.access").AbsoluteUri,
            ["Mooring:OAuth:Clients:slack:ClientId"] = _sandbox.Control.Options.DefaultClientId,
            ["Mooring:OAuth:Clients:slack:ClientSecret"] = _sandbox.Control.Options.DefaultClientSecret,
            ["Mooring:Providers:echo:displayName"] = "Echo",
            ["Mooring:Providers:echo:apiBaseUrl"] = _echo.BaseAddress.AbsoluteUri,
            ["Mooring:Providers:echo:authModes:0"] = "ApiKey",
            ["Mooring:Providers:echo:apiKey:format"] = "Bearer {key}",
            ["Mooring:Proxy:MaxRequestBodySize"] = "1024",
        });
        var connections = _mooring.Get<IConnectionManager>();
        await connections.CreateAsync(new CreateConnectionRequest
        {
            Id = ConnectionId.Parse("stripe-1"), Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, ApiKey = _sandbox.Control.Options.StripeApiKey,
        }, Ct);
        await connections.CreateAsync(new CreateConnectionRequest
        {
            Id = ConnectionId.Parse("echo-1"), Provider = ProviderKey.Parse("echo"), AuthMode = AuthMode.ApiKey, ApiKey = "echo-secret-key",
        }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _mooring.DisposeAsync();
        await _echo.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Get_ReachesTheProviderWithTheConnectionsKey()
    {
        var response = await Send(HttpMethod.Get, "/proxy/stripe-1/v1/customers?limit=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        list.GetProperty("object").GetString().ShouldBe("list");
        list.GetProperty("data").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task SlackTokenExpired_InHttp200_IsRefreshedOnce_AndTheCallerGetsTheResendsAnswer()
    {
        var token = _sandbox.Control.IssueToken(SandboxProvider.Slack, "channels:read");
        await _mooring.Get<IConnectionVault>().CreateAsync(
            new Connection
            {
                Id = ConnectionId.Parse("slack-1"), Provider = ProviderKey.Parse("slack"), AuthMode = AuthMode.OAuth2,
                ExpiresAt = _mooring.Time.GetUtcNow().AddDays(30),
            },
            new ConnectionCredentials { AccessToken = token.AccessToken, RefreshToken = token.RefreshToken, TokenType = "Bearer" },
            Ct);
        ((FakeTimeProvider)_sandbox.Control.Options.TimeProvider).Advance(TimeSpan.FromHours(13)); // Slack's tokens last 12 hours

        // (Not chat.postMessage: its pacing, one per second per channel, would hold the resend on this host's fake clock.)
        var response = await Send(HttpMethod.Get, "/proxy/slack-1/conversations.list?limit=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue(body.ToString());
        body.GetProperty("channels").GetArrayLength().ShouldBe(2);
        _mooring.Logs.GetSnapshot().Count(r => r.Message.StartsWith("Refreshed the token of slack connection slack-1", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ProvidersRedirect_ComesBackAsItIs_AndIsNotFollowedWithTheConnectionsCredentials()
    {
        var response = await Send(HttpMethod.Get, "/proxy/echo-1/moved");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/elsewhere/secret-place");
        _echo.Received.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/api/moved");
    }

    [Fact]
    public async Task Headers_CallersCredentialsAndHopByHopStayBehind_ProvidersCookiesDoNotComeBack()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/proxy/echo-1/things/1?expand=a&page=2")
        {
            Content = new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", "mooring-session=secret");
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");
        request.Headers.Add("Connection", "X-Drop-Me");
        request.Headers.Add("X-Drop-Me", "1");
        request.Headers.Add("Idempotency-Key", "order-7");
        request.Headers.Add("Accept-Encoding", "gzip, br");

        var response = await Send(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var received = _echo.Received.ShouldHaveSingleItem();
        received.Method.ShouldBe("POST");
        received.PathAndQuery.ShouldBe("/api/things/1?expand=a&page=2");
        received.Body.ShouldBe("""{"name":"x"}""");
        received.Headers["Content-Type"].ShouldStartWith("application/json");
        received.Headers["Authorization"].ShouldBe("Bearer echo-secret-key");
        received.Headers["Idempotency-Key"].ShouldBe("order-7");
        received.Headers.Keys.ShouldNotContain("Cookie");
        received.Headers.Keys.ShouldNotContain("X-Mooring-Api-Key");
        received.Headers.Keys.ShouldNotContain("X-Forwarded-For");
        received.Headers.Keys.ShouldNotContain("X-Drop-Me");
        received.Headers.Keys.ShouldNotContain("Accept-Encoding", "the pipeline reads some bodies: the provider must answer uncompressed");
        received.Headers.Values.ShouldNotContain(v => v.Contains(MooringTestHost.ApiKey, StringComparison.Ordinal));
        response.Headers.GetValues("X-Upstream").ShouldBe(["echo"]);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task ProviderStatus_IsPassedThroughUnchanged()
    {
        var response = await Send(HttpMethod.Get, "/proxy/echo-1/teapot");

        response.StatusCode.ShouldBe((HttpStatusCode)418);
    }

    [Theory]
    [InlineData("/proxy/echo-1/..%2F..%2Fadmin", HttpStatusCode.BadRequest)]
    [InlineData("/proxy/echo-1/a%5C..%5C..%5Cadmin", HttpStatusCode.BadRequest)]
    [InlineData("/proxy/echo-1//evil.example/steal", HttpStatusCode.BadRequest)]
    [InlineData("/proxy/echo-1/http:%2F%2Fevil.example/steal", HttpStatusCode.BadRequest)]
    // .NET's Uri decodes %2e and removes the dot segments before sending: the request arrives as /proxy/admin, no route.
    [InlineData("/proxy/echo-1/%2e%2e/%2e%2e/admin", HttpStatusCode.NotFound)]
    public async Task CraftedPaths_AreRefused_AndNothingIsSent(string path, HttpStatusCode expected)
    {
        var response = await Send(HttpMethod.Get, path);

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        _echo.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("..%2Fadmin")]
    [InlineData("a/../../admin")]
    [InlineData("./x")]
    [InlineData("/evil.example/x")]
    [InlineData("a//b")]
    [InlineData("http:evil.example")]
    [InlineData("a\\b")]
    [InlineData("")]
    public void Problem_NamesWhatIsWrongWithThePath(string path)
    {
        ProxyTarget.Problem(path).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("http://api.test/v1/", "customers", null, "http://api.test/v1/customers")]
    [InlineData("http://api.test/v1/", "customers/cus_1", "?expand[]=x", "http://api.test/v1/customers/cus_1?expand[]=x")]
    [InlineData("http://api.test/v1", "customers", null, "http://api.test/v1/customers")]
    public void Resolve_StaysUnderTheBaseUrl(string baseUrl, string path, string? query, string expected)
    {
        ProxyTarget.Problem(path).ShouldBeNull();
        ProxyTarget.Resolve(new Uri(baseUrl), path, query)!.AbsoluteUri.ShouldBe(expected);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413_AndNothingIsSent()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/proxy/echo-1/upload") { Content = new ByteArrayContent(new byte[2048]) };

        var response = await Send(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Mooring:Proxy:MaxRequestBodySize");
        _echo.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProviderThatNeverAnswers_Is504_OnceTheBudgetIsSpent()
    {
        _sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Kind = FaultKind.Hang });

        var sent = Send(HttpMethod.Get, "/proxy/stripe-1/v1/customers");
        for (var i = 0; i < 100 && !sent.IsCompleted; i++)
        {
            await Task.Yield();
            _mooring.Time.Advance(TimeSpan.FromSeconds(1)); // attempt timeouts and backoff, up to the 30 s budget
            await Task.WhenAny(sent, Task.Delay(10, Ct));
        }

        var response = await sent;
        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout, await response.Content.ReadAsStringAsync(Ct));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("category").GetString().ShouldBe("provider_unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("did not answer");
    }

    [Theory]
    [InlineData(ProviderErrorCategory.RateLimited, 429)]
    [InlineData(ProviderErrorCategory.CircuitOpen, 503)]
    public async Task MooringsOwnRefusal_WithATimeToWait_CarriesRetryAfterInTheHeaderAndTheBody(ProviderErrorCategory category, int status)
    {
        var refusal = new ProviderApiException("not sent", null) { Category = category, RetryAfter = TimeSpan.FromSeconds(41.2) };
        var context = new DefaultHttpContext { RequestServices = _mooring.Services, Response = { Body = new MemoryStream() } };

        await ProxyFailure.From(refusal, ConnectionId.Parse("stripe-1"))!.ExecuteAsync(context);

        context.Response.StatusCode.ShouldBe(status);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("42", "whole seconds, rounded up, as HTTP clients read it");
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body, cancellationToken: Ct);
        problem.GetProperty("retryAfterSeconds").GetInt64().ShouldBe(42);
        problem.GetProperty("category").GetString().ShouldBe(ErrorCategoryNames.Of(category));
    }

    [Fact]
    public async Task UnknownConnection_Is404_NamingIt()
    {
        var response = await Send(HttpMethod.Get, "/proxy/nobody/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("'nobody'");
    }

    [Fact]
    public async Task WithoutTheApiKey_Is401_AndNothingIsSent()
    {
        using var anonymous = ((TestServer)_mooring.Services.GetRequiredService<IServer>()).CreateClient();

        var response = await anonymous.GetAsync("/proxy/echo-1/things", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _echo.Received.ShouldBeEmpty();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path) => Send(new HttpRequestMessage(method, path));

    /// <summary>Sent with the management API key, which the test host's client adds to every request.</summary>
    private Task<HttpResponseMessage> Send(HttpRequestMessage request) => _mooring.Client.SendAsync(request, Ct);
}
