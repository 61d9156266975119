using Microsoft.Extensions.Time.Testing;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.Slack;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// Slack answers a rotating token that has expired with HTTP 200 <c>{"ok":false,"error":"token_expired"}</c>, not a
/// 401: the pipeline treats it like one, one refresh for every caller and one resend, never a loop.
/// </summary>
public sealed class ExpiredTokenTests : OutboundTestBase
{
    private const string Scopes = "chat:write,channels:read";

    private FakeTimeProvider SandboxTime => (FakeTimeProvider)Host.Sandbox.Control.Options.TimeProvider;

    [Fact]
    public async Task SlackTokenExpired_InHttp200_RefreshesOnceAndSucceeds()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, Scopes);
        SandboxTime.Advance(TimeSpan.FromHours(13)); // Slack's rotating tokens last 12 hours; Mooring believes 30 days

        var message = await Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "deployed", Ct);

        message.Ts.ShouldNotBeNullOrEmpty();
        RefreshCount(connection.Id).ShouldBe(1);
        var sent = Host.Wire.Requests;
        sent.Count.ShouldBe(2);
        sent[1].Headers["Authorization"].ShouldNotBe(sent[0].Headers["Authorization"], "the resend carries the refreshed token");
    }

    [Fact]
    public async Task SlackTokenExpired_AgainAfterTheRefresh_IsNotRefreshedTwice_AndNeedsReconnect()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, Scopes);
        SandboxTime.Advance(TimeSpan.FromHours(13));
        Host.Sandbox.Control.Options.AccessTokenLifetime = TimeSpan.Zero; // the refreshed token is expired on arrival

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "deployed", Ct));

        error.Category.ShouldBe(ProviderErrorCategory.NeedsReconnect);
        error.ProviderCode.ShouldBe("token_expired");
        error.StatusCode.ShouldBe(200);
        error.IsRetryable.ShouldBeFalse();
        RefreshCount(connection.Id).ShouldBe(1);
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SlackTokenExpired_ManyConcurrentCallers_ShareOneRefresh()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, Scopes);
        SandboxTime.Advance(TimeSpan.FromHours(13));
        var slack = Host.Get<SlackClient>();

        // Slack rotates refresh tokens: a second refresh with the first refresh token would be refused for good.
        var lists = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => slack.ListChannelsAsync(connection.Id, Ct).ToListAsync(Ct).AsTask()));

        lists.ShouldAllBe(list => list.Count > 0);
        RefreshCount(connection.Id).ShouldBe(1);
    }

    private int RefreshCount(Connections.ConnectionId id) =>
        Host.Logs.GetSnapshot().Count(r => r.Message.StartsWith($"Refreshed the token of slack connection {id}", StringComparison.Ordinal));
}
