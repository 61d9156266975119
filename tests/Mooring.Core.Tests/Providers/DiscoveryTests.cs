using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Providers.Discovery;

namespace Mooring.Core.Tests.Providers;

public sealed class DiscoveryTests
{
    private const string Issuer = "https://login.acme.example/tenant1";

    private static readonly ProviderKey Acme = ProviderKey.Parse("acme");

    private static string Metadata(string issuer = Issuer, string extra = "") => $$"""
        {
          "issuer": "{{issuer}}",
          "authorization_endpoint": "https://login.acme.example/tenant1/authorize",
          "token_endpoint": "https://login.acme.example/tenant1/token",
          "revocation_endpoint": "https://login.acme.example/tenant1/revoke",
          "code_challenge_methods_supported": ["plain", "S256"],
          "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
          "authorization_response_iss_parameter_supported": true,
          "response_types_supported": ["code"]{{extra}}
        }
        """;

    private static ServiceProvider Services(StubHttpHandler handler, params (string Key, string? Value)[] extra) =>
        CatalogFactory.Services(
            CatalogFactory.Configuration(
            [
                ("Mooring:Providers:acme:basedOn", "oauth2"),
                ("Mooring:Providers:acme:displayName", "Acme"),
                ("Mooring:Providers:acme:oauth2:issuer", Issuer),
                .. extra,
            ]),
            handler);

    [Fact]
    public void MetadataUrls_IssuerWithPath_FollowRfc8414ThenOpenIdConnect()
    {
        AuthorizationServerDiscovery.MetadataUrls(Issuer).Select(u => u.AbsoluteUri).ShouldBe(
        [
            "https://login.acme.example/.well-known/oauth-authorization-server/tenant1",
            "https://login.acme.example/tenant1/.well-known/openid-configuration",
        ]);
        AuthorizationServerDiscovery.MetadataUrls("https://id.example").Select(u => u.AbsoluteUri).ShouldBe(
        [
            "https://id.example/.well-known/oauth-authorization-server",
            "https://id.example/.well-known/openid-configuration",
        ]);
    }

    [Fact]
    public async Task GetResolvedAsync_Rfc8414Metadata_FillsEndpointsAndCapabilities()
    {
        var handler = new StubHttpHandler().Json("https://login.acme.example/.well-known/oauth-authorization-server/tenant1", Metadata());
        using var services = Services(handler);
        var catalog = services.GetRequiredService<IProviderCatalog>();

        var acme = await catalog.GetResolvedAsync(Acme, TestContext.Current.CancellationToken);

        var oauth = acme.OAuth2.ShouldNotBeNull();
        oauth.AuthorizationUrl.ShouldBe(new Uri("https://login.acme.example/tenant1/authorize"));
        oauth.TokenUrl.ShouldBe(new Uri("https://login.acme.example/tenant1/token"));
        oauth.RevocationUrl.ShouldBe(new Uri("https://login.acme.example/tenant1/revoke"));
        oauth.AuthorizationResponseIssParameterSupported.ShouldBeTrue();
        oauth.Pkce.ShouldBe(PkceSupport.Supported);
        oauth.ClientAuthentication.ShouldBe(ClientAuthenticationStyle.ClientSecretPost);
        catalog.Get(Acme).OAuth2!.TokenUrl.ShouldBeNull();
    }

    [Fact]
    public async Task GetResolvedAsync_CalledTwice_FetchesOnce()
    {
        var handler = new StubHttpHandler().Json("https://login.acme.example/.well-known/oauth-authorization-server/tenant1", Metadata());
        using var services = Services(handler);
        var catalog = services.GetRequiredService<IProviderCatalog>();

        await catalog.GetResolvedAsync(Acme, TestContext.Current.CancellationToken);
        await catalog.GetResolvedAsync(Acme, TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetResolvedAsync_NoRfc8414Document_FallsBackToOpenIdConfiguration()
    {
        var handler = new StubHttpHandler().Json(
            "https://login.acme.example/tenant1/.well-known/openid-configuration",
            Metadata(extra: """, "userinfo_endpoint": "https://login.acme.example/tenant1/userinfo" """));
        using var services = Services(handler);

        var acme = await services.GetRequiredService<IProviderCatalog>().GetResolvedAsync(Acme, TestContext.Current.CancellationToken);

        acme.OAuth2!.UserInfoUrl.ShouldBe(new Uri("https://login.acme.example/tenant1/userinfo"));
        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetResolvedAsync_IssuerMismatch_IsRejectedAndNotCached()
    {
        var url = "https://login.acme.example/.well-known/oauth-authorization-server/tenant1";
        var handler = new StubHttpHandler().Json(url, Metadata(issuer: "https://evil.example/tenant1"));
        using var services = Services(handler);
        var catalog = services.GetRequiredService<IProviderCatalog>();

        var exception = await Should.ThrowAsync<ProviderDiscoveryException>(
            () => catalog.GetResolvedAsync(Acme, TestContext.Current.CancellationToken).AsTask());

        exception.Provider.ShouldBe(Acme);
        exception.Message.ShouldBe(
            $"Provider 'acme': the metadata at {url} names the issuer 'https://evil.example/tenant1', not the configured '{Issuer}'");
        handler.Json(url, Metadata());
        (await catalog.GetResolvedAsync(Acme, TestContext.Current.CancellationToken)).OAuth2!.TokenUrl.ShouldNotBeNull();
    }

    [Fact]
    public async Task GetResolvedAsync_ConfiguredEndpoint_WinsOverDiscovered()
    {
        var handler = new StubHttpHandler().Json("https://login.acme.example/.well-known/oauth-authorization-server/tenant1", Metadata());
        using var services = Services(handler, ("Mooring:Providers:acme:oauth2:tokenUrl", "http://127.0.0.1:9000/token"));

        var acme = await services.GetRequiredService<IProviderCatalog>().GetResolvedAsync(Acme, TestContext.Current.CancellationToken);

        acme.OAuth2!.TokenUrl.ShouldBe(new Uri("http://127.0.0.1:9000/token"));
        acme.OAuth2.AuthorizationUrl.ShouldBe(new Uri("https://login.acme.example/tenant1/authorize"));
    }

    [Fact]
    public async Task GetResolvedAsync_PkceRequiredButNotAdvertised_IsRejected()
    {
        var handler = new StubHttpHandler().Json(
            "https://login.acme.example/.well-known/oauth-authorization-server/tenant1",
            Metadata().Replace("\"plain\", \"S256\"", "\"plain\"", StringComparison.Ordinal));
        using var services = Services(handler, ("Mooring:Providers:acme:oauth2:pkce", "Required"));

        var exception = await Should.ThrowAsync<ProviderDiscoveryException>(
            () => services.GetRequiredService<IProviderCatalog>().GetResolvedAsync(Acme, TestContext.Current.CancellationToken).AsTask());

        exception.Message.ShouldContain("code_challenge_methods_supported");
    }

    [Fact]
    public async Task GetResolvedAsync_NoMetadataAnywhere_SaysWhatWasTried()
    {
        using var services = Services(new StubHttpHandler());

        var exception = await Should.ThrowAsync<ProviderDiscoveryException>(
            () => services.GetRequiredService<IProviderCatalog>().GetResolvedAsync(Acme, TestContext.Current.CancellationToken).AsTask());

        exception.Message.ShouldContain("oauth-authorization-server/tenant1: HTTP 404");
        exception.Message.ShouldContain("openid-configuration: HTTP 404");
    }

    [Fact]
    public async Task GetResolvedAsync_ProviderWithoutDiscovery_IsReturnedAsConfigured()
    {
        var handler = new StubHttpHandler();
        using var services = Services(handler);
        var catalog = services.GetRequiredService<IProviderCatalog>();

        var slack = await catalog.GetResolvedAsync(ProviderKey.Parse("slack"), TestContext.Current.CancellationToken);

        slack.ShouldBeSameAs(catalog.Get(ProviderKey.Parse("slack")));
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResolvedAsync_LoopbackIssuer_IsAllowedForTheSandbox()
    {
        const string Loopback = "http://127.0.0.1:5010";
        var handler = new StubHttpHandler().Json(
            "http://127.0.0.1:5010/.well-known/oauth-authorization-server",
            $$"""{"issuer": "{{Loopback}}", "authorization_endpoint": "{{Loopback}}/authorize", "token_endpoint": "{{Loopback}}/token"}""");
        using var services = Services(handler, ("Mooring:Providers:acme:oauth2:issuer", Loopback));
        services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        var acme = await services.GetRequiredService<IProviderCatalog>().GetResolvedAsync(Acme, TestContext.Current.CancellationToken);

        acme.OAuth2!.TokenUrl.ShouldBe(new Uri("http://127.0.0.1:5010/token"));
        acme.OAuth2.ClientAuthentication.ShouldBe(ClientAuthenticationStyle.ClientSecretBasic);
    }
}
