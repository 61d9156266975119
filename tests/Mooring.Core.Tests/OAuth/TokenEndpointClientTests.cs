using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.OAuth;
using Mooring.Providers;

namespace Mooring.Core.Tests.OAuth;

/// <summary>The wire calls against canned provider answers: Slack's and GitHub's errors at HTTP 200, GitHub's Accept header.</summary>
public sealed class TokenEndpointClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"ok": false, "error": "token_revoked"}""", "Terminal")]
    [InlineData("""{"ok": false, "error": "invalid_refresh_token"}""", "Terminal")]
    [InlineData("""{"ok": false, "error": "ratelimited"}""", "Transient")]
    public async Task Refresh_SlackOkFalseAtHttp200_Classified(string body, string expected)
    {
        var handler = new Recorder(HttpStatusCode.OK, body);
        using var services = Services(handler, "slack");

        var result = await Refresh(services, "slack");

        result.Outcome.ToString().ShouldBe(expected);
        handler.Authorization.ShouldStartWith("Basic "); // oauth.v2.access wants HTTP Basic client authentication
    }

    [Fact]
    public async Task Refresh_SlackRotated_ReturnsTheNewRefreshToken()
    {
        var handler = new Recorder(HttpStatusCode.OK, """{"ok": true, "access_token": "xoxe.xoxb-new", "refresh_token": "xoxe-1-new", "expires_in": 43200, "token_type": "bot"}""");
        using var services = Services(handler, "slack");

        var result = await Refresh(services, "slack");

        result.Outcome.ShouldBe(TokenOutcome.Success);
        result.Token!.RefreshToken.ShouldBe("xoxe-1-new");
        result.Token.ExpiresIn.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public async Task Refresh_GitHubErrorAtHttp200_TerminalAndAcceptHeaderSent()
    {
        var handler = new Recorder(HttpStatusCode.OK, """{"error": "bad_refresh_token", "error_description": "The refresh token passed is incorrect or expired."}""");
        using var services = Services(handler, "github");

        var result = await Refresh(services, "github");

        result.Outcome.ShouldBe(TokenOutcome.Terminal);
        result.Error.ShouldBe("bad_refresh_token");
        handler.Accept.ShouldContain("application/json");
        handler.Body.ShouldContain("client_id=client-1"); // client_secret_post, as GitHub documents
    }

    [Fact]
    public async Task Refresh_ServerErrorWithoutJson_Transient()
    {
        using var services = Services(new Recorder(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"), "google");

        var result = await Refresh(services, "google");

        result.Outcome.ShouldBe(TokenOutcome.Transient);
        result.Error.ShouldBe("http_502");
    }

    [Fact]
    public void Options_ClientForUnknownProvider_StartFailsNamingTheSetting()
    {
        using var services = Services(new Recorder(HttpStatusCode.OK, "{}"), "nope");

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<OAuthOptions>>().Value);

        error.Message.ShouldContain("Mooring:OAuth:Clients:nope: there is no provider 'nope'");
    }

    private static Task<TokenEndpointResult> Refresh(ServiceProvider services, string provider) =>
        services.GetRequiredService<TokenEndpointClient>().RefreshAsync(
            services.GetRequiredService<IProviderCatalog>().Get(ProviderKey.Parse(provider)), "refresh-1", Ct);

    private static ServiceProvider Services(Recorder handler, string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Mooring:OAuth:Clients:{provider}:ClientId"] = "client-1",
            [$"Mooring:OAuth:Clients:{provider}:ClientSecret"] = "secret-1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        services.AddHttpClient(OAuthConstants.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    private sealed class Recorder(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string Accept { get; private set; } = string.Empty;

        public string Body { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Accept = request.Headers.Accept.ToString();
            Body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request };
        }
    }
}
