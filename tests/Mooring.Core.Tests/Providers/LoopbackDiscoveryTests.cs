using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Core.Tests.Providers;

/// <summary>Discovery over real HTTP against a tiny server on loopback, as with the sandbox.</summary>
public sealed class LoopbackDiscoveryTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _issuer;

    public LoopbackDiscoveryTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _issuer = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(_issuer + "/");
        _listener.Start();
    }

    [Fact]
    public async Task GetResolvedAsync_OpenIdConfigurationOnLoopback_IsFetchedOverHttp()
    {
        var server = ServeAsync(request => request.Url!.AbsolutePath == "/.well-known/openid-configuration"
            ? (200, $$"""{"issuer": "{{_issuer}}", "authorization_endpoint": "{{_issuer}}/authorize", "token_endpoint": "{{_issuer}}/token", "code_challenge_methods_supported": ["S256"]}""")
            : (404, "{}"));
        using var services = CatalogFactory.Services(CatalogFactory.Configuration(
            ("Mooring:Providers:sandbox:basedOn", "oauth2"),
            ("Mooring:Providers:sandbox:displayName", "Sandbox OAuth"),
            ("Mooring:Providers:sandbox:oauth2:issuer", _issuer)));

        var sandbox = await services.GetRequiredService<IProviderCatalog>()
            .GetResolvedAsync(ProviderKey.Parse("sandbox"), TestContext.Current.CancellationToken);

        sandbox.OAuth2!.AuthorizationUrl.ShouldBe(new Uri(_issuer + "/authorize"));
        sandbox.OAuth2.TokenUrl.ShouldBe(new Uri(_issuer + "/token"));
        (await server.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBe(["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]);
    }

    public void Dispose() => _listener.Close();

    // Answers two requests and returns the paths asked for.
    private async Task<List<string>> ServeAsync(Func<HttpListenerRequest, (int Status, string Body)> answer)
    {
        var paths = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var context = await _listener.GetContextAsync();
            paths.Add(context.Request.Url!.AbsolutePath);
            var (status, body) = answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, TestContext.Current.CancellationToken);
            context.Response.Close();
        }

        return paths;
    }
}
