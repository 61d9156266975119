using System.Net;
using Mooring.Connections;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Testing;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>
/// A connection's credentials go only to its provider's hosts: the API base URL's and the definition's
/// <c>credentialHosts</c>. A request anywhere else, by an absolute URL or by a redirect the caller follows itself, is
/// refused before it is sent. Three loopback servers on their own ports: the provider "acme", a host acme lists, and a
/// stranger.
/// </summary>
public sealed class CredentialHostTests : OutboundTestBase
{
    private const string AcmeKey = "acme-secret-key";
    private EchoUpstream _acme = null!;
    private EchoUpstream _listed = null!;
    private EchoUpstream _stranger = null!;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:Providers:acme:displayName"] = "Acme",
        ["Mooring:Providers:acme:apiBaseUrl"] = _acme.BaseAddress.AbsoluteUri,
        ["Mooring:Providers:acme:authModes:0"] = "ApiKey",
        ["Mooring:Providers:acme:apiKey:name"] = "X-Api-Key",
        ["Mooring:Providers:acme:credentialHosts:0"] = _listed.BaseAddress.Authority,
    };

    public override async ValueTask InitializeAsync()
    {
        _acme = await EchoUpstream.StartAsync();
        _listed = await EchoUpstream.StartAsync();
        _stranger = await EchoUpstream.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _acme.DisposeAsync();
        await _listed.DisposeAsync();
        await _stranger.DisposeAsync();
    }

    [Fact]
    public async Task AbsoluteUrlToAnotherHost_IsRefusedUnsent_AndThatHostSeesNothing()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        using var http = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);

        var error = await Should.ThrowAsync<ProviderApiException>(http.GetAsync(new Uri(_stranger.BaseAddress, "collect?token=x"), Ct));

        error.Category.ShouldBe(ProviderErrorCategory.Validation);
        error.IsRetryable.ShouldBeFalse();
        error.StatusCode.ShouldBeNull();
        error.Message.ShouldContain($"to {_stranger.BaseAddress.Authority}, which is not one of Slack's hosts");
        error.Message.ShouldContain("Mooring:Providers:slack:credentialHosts");
        error.Message.ShouldNotContain("token=x");
        _stranger.Received.ShouldBeEmpty();
        Host.Wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RedirectToAnotherHost_FollowedByTheCallersOwnHandler_IsRefused_AndThatHostSeesNothing()
    {
        var connection = await AcmeConnectionAsync();
        _acme.RedirectTo = new Uri(_stranger.BaseAddress, "collect").AbsoluteUri;
        var pipeline = Host.Get<IProviderHttpClientFactory>().CreateHandler(connection.Id, CallPriority.Interactive);
        using var sdk = new HttpMessageInvoker(new FollowRedirects { InnerHandler = pipeline });

        var error = await Should.ThrowAsync<ProviderApiException>(
            sdk.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_acme.BaseAddress, "moved")), Ct));

        error.Category.ShouldBe(ProviderErrorCategory.Validation);
        error.Message.ShouldContain($"to {_stranger.BaseAddress.Authority}, which is not one of Acme's hosts ({_acme.BaseAddress.Authority}, {_listed.BaseAddress.Authority})");
        _acme.Received.ShouldHaveSingleItem().Headers["X-Api-Key"].ShouldBe(AcmeKey);
        _stranger.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListedCredentialHost_GetsTheRequestWithTheCredentials()
    {
        var connection = await AcmeConnectionAsync();
        using var http = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);

        using var response = await http.GetAsync(new Uri(_listed.BaseAddress, "upload"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var received = _listed.Received.ShouldHaveSingleItem();
        received.PathAndQuery.ShouldBe("/api/upload");
        received.Headers["X-Api-Key"].ShouldBe(AcmeKey);
    }

    [Fact]
    public async Task PlainHttpToAHostThatIsNotLoopback_IsRefusedUnsent()
    {
        var connection = await AcmeConnectionAsync();
        using var http = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);

        var error = await Should.ThrowAsync<ProviderApiException>(http.GetAsync(new Uri("http://api.acme.example/v2/things"), Ct));

        error.Category.ShouldBe(ProviderErrorCategory.Validation);
        error.Message.ShouldContain("Acme's credentials go over https only");
        Host.Wire.Requests.ShouldBeEmpty();
    }

    private Task<Connection> AcmeConnectionAsync() => Host.ApiKeyConnectionAsync("acme", AcmeKey);

    /// <summary>What SDKs such as Octokit do: follow a 3xx themselves, sending the next request through the same handler.</summary>
    private sealed class FollowRedirects : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
            {
                response.Dispose();
                request = new HttpRequestMessage(request.Method, new Uri(request.RequestUri!, location));
                response = await base.SendAsync(request, cancellationToken);
            }

            return response;
        }
    }
}
