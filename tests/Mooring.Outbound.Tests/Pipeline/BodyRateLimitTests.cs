using System.Net;
using System.Text;
using Mooring.Connections;
using Mooring.Outbound.Pipeline;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>Rate limits that only the body tells (Google's 403 reason, Slack's ok:false ratelimited) make the limiter back off.</summary>
public sealed class BodyRateLimitTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:RateLimiting:Enabled"] = "true",
        ["Mooring:Outbound:MaxAttempts"] = "1",
        // A 429 without Retry-After pauses a tenth of the shortest period (Gmail's per-minute bucket: 6 s) up to this.
        ["Mooring:RateLimiting:DefaultPause"] = "00:00:30",
    };

    [Fact]
    public async Task Google403UserRateLimitExceeded_IsRateLimited_AndTheNextCallWaitsForThePause()
    {
        var connection = await Host.OAuthConnectionAsync("google-mail", SandboxProvider.Google, "https://www.googleapis.com/auth/gmail.readonly");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Google, Kind = FaultKind.RateLimit, MaxHits = 1 });
        var api = Host.Get<IProviderApi>();

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "users/me/profile"), Ct)));
        var limitedAt = Host.Time.GetUtcNow();
        using var profile = await Host.DriveAsync(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "users/me/profile"), Ct));

        error.StatusCode.ShouldBe(403);
        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.IsRetryable.ShouldBeTrue();
        // No Retry-After on Google's 403: the limiter pauses the connection for a tenth of Gmail's minute (6 s, less
        // the moments the clock moved while the first call finished).
        (Host.Time.GetUtcNow() - limitedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"ratelimited"}""", true)]
    [InlineData("""{"ok":false,"error":"channel_not_found"}""", false)]
    [InlineData("""{"ok":true,"channel":"C1"}""", false)]
    public async Task SlackHttp200Body_IsReadForTheRateLimit(string json, bool limited)
    {
        var slack = Host.Get<IProviderCatalog>().Get(ProviderKey.Parse("slack"));
        var connection = new Connection { Id = ConnectionId.New(), Provider = slack.Key, AuthMode = AuthMode.OAuth2 };
        var call = new OutboundCall(connection, null, slack, Host.Get<Microsoft.Extensions.Options.IOptions<OutboundOptions>>().Value.CachedPolicyFor("slack"), "POST", "chat.postMessage", "chat.postMessage", 0);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Retry-After", "3");

        (await BodySignals.IsLimitedAsync(call, response, Ct)).ShouldBe(limited);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(json, "the body is still there for the caller");
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"ratelimited"}""", true)]
    [InlineData("""{"ok":false,"error":"channel_not_found"}""", false)]
    public async Task SlackHttp200BodyOfUnknownLength_IsReadForTheRateLimit(string json, bool limited)
    {
        using var response = ChunkedAnswer(json);

        (await BodySignals.IsLimitedAsync(SlackCall(), response, Ct)).ShouldBe(limited);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(json, "the body is still there for the caller");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task LargeSlackBodyOfUnknownLength_IsLeftToStream_Whole()
    {
        var json = $$"""{"ok":true,"channels":[{{string.Join(',', Enumerable.Range(0, 200).Select(i => $$"""{"id":"C{{i}}"}"""))}}]}""";
        using var response = ChunkedAnswer(json);

        (await BodySignals.CategoryAsync(SlackCall(), response, Ct)).ShouldBeNull();
        response.Content.Headers.ContentLength.ShouldBeNull("a large body is not buffered");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(json);
    }

    [Fact]
    public async Task SlackBodyOfUnknownLength_CutOff_IsANetworkFailure()
    {
        var content = new StreamContent(new CutOffStream(Encoding.UTF8.GetBytes("""{"ok":false,""")));
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        var error = await Should.ThrowAsync<HttpRequestException>(BodySignals.CategoryAsync(SlackCall(), response, Ct).AsTask());

        error.HttpRequestError.ShouldBe(HttpRequestError.ResponseEnded);
        error.InnerException.ShouldBeAssignableTo<IOException>();
    }

    private OutboundCall SlackCall()
    {
        var slack = Host.Get<IProviderCatalog>().Get(ProviderKey.Parse("slack"));
        var connection = new Connection { Id = ConnectionId.New(), Provider = slack.Key, AuthMode = AuthMode.OAuth2 };
        return new OutboundCall(connection, null, slack, Host.Get<Microsoft.Extensions.Options.IOptions<OutboundOptions>>().Value.CachedPolicyFor("slack"), "GET", "conversations.list", "conversations.list", 0);
    }

    /// <summary>An answer without Content-Length, as a chunked one arrives: its content's stream cannot seek.</summary>
    private static HttpResponseMessage ChunkedAnswer(string json)
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength.ShouldBeNull();
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A body whose connection fails after its first bytes, as <c>HttpIOException</c> does when a chunked answer is cut off.</summary>
    private sealed class CutOffStream(byte[] head) : UnseekableStream(head)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new HttpIOException(HttpRequestError.ResponseEnded, "cut off");
    }
}
