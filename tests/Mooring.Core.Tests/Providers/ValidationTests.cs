using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Core.Tests.Providers;

public sealed class ValidationTests
{
    [Fact]
    public void Load_SeveralBadDefinitions_ReportsEveryErrorWithProviderAndField()
    {
        var (_, errors) = CatalogFactory.Load(
            ("Mooring:Providers:acme:authModes:0", "OAuth2"),
            ("Mooring:Providers:acme:oauth2:authorizationUrl", "https://acme.example/authorize"),
            ("Mooring:Providers:acme:oauth2:tokenUrl", "http://acme.example/token"),
            ("Mooring:Providers:acme:oauth2:tokenResponse:accessToken", "access_token"),
            ("Mooring:Providers:beta:displayName", "Beta"),
            ("Mooring:Providers:beta:authModes:0", "ApiKey"),
            ("Mooring:Providers:beta:apiKey:format", "Bearer"),
            ("Mooring:Providers:slack:webhooks:toleranceSeconds", "0"));

        errors.ShouldContain("Provider 'acme': displayName is required");
        errors.ShouldContain("Provider 'acme': oauth2.tokenUrl is not an absolute https URL (http is allowed only for loopback hosts)");
        errors.ShouldContain(e => e.StartsWith("Provider 'acme': oauth2.tokenResponse.accessToken is not a JSON pointer", StringComparison.Ordinal));
        errors.ShouldContain("Provider 'beta': apiKey.format must contain {key}, where the key is written");
        errors.ShouldContain(e => e.StartsWith("Provider 'slack': webhooks.toleranceSeconds must be between", StringComparison.Ordinal));
        errors.Count.ShouldBe(5);
    }

    [Fact]
    public void Load_UnknownSetting_IsReportedNotIgnored()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:slack:oauth2:tokenUri", "https://slack.example/token"));

        errors.ShouldHaveSingleItem().ShouldBe("Provider 'slack': oauth2.tokenUri is not a known setting (see docs/providers.md)");
    }

    [Fact]
    public void Load_UnknownSettingInAList_NamesItsIndex()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:stripe:rateLimits:buckets:0:limt", "25"));

        errors.ShouldHaveSingleItem().ShouldBe("Provider 'stripe': rateLimits.buckets[0].limt is not a known setting (see docs/providers.md)");
    }

    [Fact]
    public void Load_ValueOfTheWrongType_NamesTheField()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:slack:oauth2:rotatesRefreshTokens", "sometimes"));

        errors.ShouldHaveSingleItem().ShouldStartWith("Provider 'slack': oauth2.rotatesRefreshTokens has an invalid value");
    }

    [Fact]
    public void Load_UndefinedEnumValue_NamesTheFieldAndTheChoices()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:stripe:pagination:style", "7"));

        errors.ShouldHaveSingleItem().ShouldBe(
            "Provider 'stripe': pagination.style is '7', which is not one of None, BodyCursor, StartingAfter, PageToken, LinkHeader, Offset, Page");
    }

    [Fact]
    public void Load_BasedOnUnknownOrCyclic_IsReported()
    {
        var (_, errors) = CatalogFactory.Load(
            ("Mooring:Providers:one:basedOn", "two"),
            ("Mooring:Providers:two:basedOn", "one"),
            ("Mooring:Providers:three:basedOn", "nowhere"));

        errors.ShouldContain("Provider 'two': basedOn forms a cycle (one -> two -> one)");
        errors.ShouldContain("Provider 'three': basedOn names the unknown provider 'nowhere'");
    }

    [Fact]
    public void Load_ReservedAuthorizeParameter_IsRejected()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:google:oauth2:authorizeParameters:redirect_uri", "https://evil.example/"));

        // google-mail and google-calendar inherit the parameter, and are reported too.
        errors.ShouldContain("Provider 'google': oauth2.authorizeParameters.redirect_uri is written by Mooring and cannot be configured");
        errors.ShouldAllBe(e => e.EndsWith("oauth2.authorizeParameters.redirect_uri is written by Mooring and cannot be configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DiscoveryWithoutIssuer_IsRejectedUnlessTemplate()
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:acme:basedOn", "oauth2"), ("Mooring:Providers:acme:displayName", "Acme"));

        errors.ShouldHaveSingleItem().ShouldBe("Provider 'acme': oauth2.issuer is required when oauth2.discovery is true");
    }

    [Theory]
    [InlineData("https://files.acme.example")]
    [InlineData("files.acme.example/upload")]
    [InlineData("user@files.acme.example")]
    [InlineData("files.acme.example:notaport")]
    [InlineData(" ")]
    public void Load_CredentialHostThatIsNotAHost_IsRejected(string entry)
    {
        var (_, errors) = CatalogFactory.Load(("Mooring:Providers:stripe:credentialHosts:0", "files.stripe.com"), ("Mooring:Providers:stripe:credentialHosts:1", entry));

        errors.ShouldHaveSingleItem().ShouldBe($"Provider 'stripe': credentialHosts[1] is not a host name or host:port (no scheme or path): '{entry}'");
    }

    [Fact]
    public void Load_MissingDefinitionDirectory_IsReported()
    {
        var options = new ProviderCatalogOptions { DefinitionDirectories = ["/nonexistent/mooring"] };

        var (_, errors) = CatalogFactory.Load(options);

        errors.ShouldHaveSingleItem().ShouldContain("'/nonexistent/mooring', which does not exist");
    }

    [Fact]
    public void StartupValidation_BadDefinition_FailsWithAllMessages()
    {
        var configuration = CatalogFactory.Configuration(
            ("Mooring:Providers:slack:apiBaseUrl", "ftp://slack.example/"),
            ("Mooring:Providers:stripe:apiKey:name", "Bad Header"));
        using var services = CatalogFactory.Services(configuration);

        var validator = services.GetRequiredService<IStartupValidator>();

        var exception = Should.Throw<OptionsValidationException>(validator.Validate);
        exception.Failures.ShouldBe(
        [
            "Provider 'slack': apiBaseUrl is not an absolute https URL (http is allowed only for loopback hosts)",
            "Provider 'stripe': apiKey.name is not a valid HTTP header name: 'Bad Header'",
        ], ignoreOrder: true);
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IProviderCatalog>());
    }

    [Fact]
    public void StartupValidation_GoodConfiguration_Passes()
    {
        using var services = CatalogFactory.Services(CatalogFactory.Configuration(("Mooring:Providers:slack:apiBaseUrl", "http://[::1]:5005/api/")));

        services.GetRequiredService<IStartupValidator>().Validate();
        var catalog = services.GetRequiredService<IProviderCatalog>();

        catalog.All.Count.ShouldBe(7);
        catalog.Get(ProviderKey.Parse("slack")).ApiBaseUrl.ShouldBe(new Uri("http://[::1]:5005/api/"));
        catalog.TryGet(ProviderKey.Parse("nope"), out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => catalog.Get(ProviderKey.Parse("nope")));
    }

    [Fact]
    public void StartupValidation_ZeroDiscoveryTimeout_NamesTheSetting()
    {
        using var services = CatalogFactory.Services(CatalogFactory.Configuration(("Mooring:ProviderCatalog:DiscoveryTimeout", "00:00:00")));

        // The loaded catalog depends on these options, so their failure is reported by both (in an AggregateException).
        var exception = Should.Throw<Exception>(services.GetRequiredService<IStartupValidator>().Validate);

        exception.Message.ShouldContain("Mooring:ProviderCatalog:DiscoveryTimeout must be greater than 0");
    }
}
