using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// A body that stalls or is cut off after the headers: IProviderApi reads it inside the attempt, so that it fails that
/// attempt (timeout or network), which is retried and classified like any; a raw client's answer still streams as it comes.
/// </summary>
public sealed class BodyFailureTests : OutboundTestBase
{
    [Fact(Timeout = 60_000)]
    public async Task Get_BodyStallsAfterTheHeaders_TheAttemptTimesOutAndTheRetrySucceeds()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "users.get-authenticated", Kind = FaultKind.StallBody, MaxHits = 1 });

        // The timeout ends the test's token if the stalled body were read outside the attempt, where nothing else ends it.
        using var user = await Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "user"), TestContext.Current.CancellationToken));

        user.RootElement.GetProperty("login").GetString().ShouldNotBeNullOrEmpty();
        Host.Sandbox.Control.FaultLog.ShouldHaveSingleItem();
        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_BodyCutOffOnce_IsRetriedAndSucceeds()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "issues.list", Kind = FaultKind.TruncateBody, MaxHits = 1 });

        (await Host.FirstGitHubIssueAsync(connection.Id)).ShouldHaveSingleItem();

        Host.Wire.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_BodyCutOffEveryTime_FailsAsANetworkErrorAfterEveryAttempt()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "users.get-authenticated", Kind = FaultKind.TruncateBody });

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "user"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.Network);
        error.IsRetryable.ShouldBeTrue();
        error.Attempts.ShouldBe(4);
        error.Message.ShouldStartWith("GitHub could not be reached for GET /user");
        Host.Wire.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task RawClientWithResponseHeadersRead_GetsTheAnswerAtTheHeaders_AndReadsTheBodyItself()
    {
        // An SDK's client is not made to wait for the body: a body cut off reaches it as it comes, and is not retried.
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "users.get-authenticated", Kind = FaultKind.TruncateBody, MaxHits = 1 });
        using var client = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);

        using var response = await Host.DriveAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "user"), HttpCompletionOption.ResponseHeadersRead, Ct));

        ((int)response.StatusCode).ShouldBe(200);
        await Should.ThrowAsync<HttpRequestException>(response.Content.ReadAsByteArrayAsync(Ct));
        Host.Wire.Requests.Count.ShouldBe(1);
    }
}
