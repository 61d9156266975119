using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Core.Tests.Providers;

public sealed class ConfigurationOverrideTests
{
    [Fact]
    public void Load_PartialOverride_ChangesOnlyTheConfiguredValues()
    {
        var slack = CatalogFactory.LoadValid(
            "slack",
            ("Mooring:Providers:slack:apiBaseUrl", "http://127.0.0.1:5005/api/"),
            ("Mooring:Providers:slack:oauth2:tokenUrl", "http://localhost:5005/api/oauth.v2.access"));

        slack.ApiBaseUrl.ShouldBe(new Uri("http://127.0.0.1:5005/api/"));
        slack.OAuth2!.TokenUrl.ShouldBe(new Uri("http://localhost:5005/api/oauth.v2.access"));
        slack.OAuth2.AuthorizationUrl.ShouldBe(new Uri("https://slack.com/oauth/v2/authorize"));
        slack.OAuth2.ScopeSeparator.ShouldBe(",");
        slack.OAuth2.TokenResponse.UserToken.ShouldNotBeNull();
        slack.Webhooks!.Scheme.ShouldBe(WebhookSignatureScheme.SlackV0);
    }

    [Fact]
    public void Load_KeysInAnyCase_MatchTheBuiltInDefinition()
    {
        // As environment variables give them: MOORING__PROVIDERS__SLACK__OAUTH2__TOKENURL.
        var slack = CatalogFactory.LoadValid("slack", ("MOORING:PROVIDERS:SLACK:OAUTH2:TOKENURL", "https://sandbox.example/token"));

        slack.OAuth2!.TokenUrl.ShouldBe(new Uri("https://sandbox.example/token"));
        slack.OAuth2.AuthorizationUrl.ShouldNotBeNull();
    }

    [Fact]
    public void Load_DictionaryOverride_AddsToTheBuiltInEntries()
    {
        var google = CatalogFactory.LoadValid("google", ("Mooring:Providers:google:oauth2:authorizeParameters:login_hint", "a@example.com"));

        google.OAuth2!.AuthorizeParameters["login_hint"].ShouldBe("a@example.com");
        google.OAuth2.AuthorizeParameters["access_type"].ShouldBe("offline");
    }

    [Fact]
    public void Load_ArrayOverride_ReplacesTheWholeList()
    {
        var slack = CatalogFactory.LoadValid("slack", ("Mooring:Providers:slack:oauth2:defaultScopes:0", "users:read"));

        slack.OAuth2!.DefaultScopes.ShouldBe(["users:read"]);
    }

    [Fact]
    public void Load_EmptyValue_ClearsTheSetting()
    {
        var slack = CatalogFactory.LoadValid("slack", ("Mooring:Providers:slack:oauth2:revocationUrl", ""));

        slack.OAuth2!.RevocationUrl.ShouldBeNull();
        slack.OAuth2.TokenUrl.ShouldNotBeNull();
    }

    [Fact]
    public void Load_EmptyMapValue_RemovesTheEntry()
    {
        var google = CatalogFactory.LoadValid("google", ("Mooring:Providers:google:oauth2:authorizeParameters:prompt", ""));

        google.OAuth2!.AuthorizeParameters.ContainsKey("prompt").ShouldBeFalse();
        google.OAuth2.AuthorizeParameters["access_type"].ShouldBe("offline");
    }

    [Fact]
    public void Load_StringValuesFromConfiguration_AreReadAsBooleansNumbersAndDurations()
    {
        var slack = CatalogFactory.LoadValid(
            "slack",
            ("Mooring:Providers:slack:oauth2:rotatesRefreshTokens", "false"),
            ("Mooring:Providers:slack:oauth2:refreshAheadSeconds", "120"),
            ("Mooring:Providers:slack:oauth2:pkce", "supported"),
            ("Mooring:Providers:slack:rateLimits:endpoints:0:name", "post"),
            ("Mooring:Providers:slack:rateLimits:endpoints:0:match:0", "POST /chat.postMessage"),
            ("Mooring:Providers:slack:rateLimits:endpoints:0:limit", "2"),
            ("Mooring:Providers:slack:rateLimits:endpoints:0:periodSeconds", "1.5"));

        slack.OAuth2!.RotatesRefreshTokens.ShouldBeFalse();
        slack.OAuth2.RefreshAhead.ShouldBe(TimeSpan.FromMinutes(2));
        slack.OAuth2.Pkce.ShouldBe(PkceSupport.Supported);
        var endpoint = slack.RateLimits.Endpoints.ShouldHaveSingleItem();
        endpoint.Limit.ShouldBe(2);
        endpoint.Period.ShouldBe(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void Load_OverrideOfABase_IsInheritedByDefinitionsBasedOnIt()
    {
        var (definitions, errors) = CatalogFactory.Load(("Mooring:Providers:google:oauth2:tokenUrl", "http://127.0.0.1:7000/token"));

        errors.ShouldBeEmpty();
        definitions[ProviderKey.Parse("google-mail")].OAuth2!.TokenUrl.ShouldBe(new Uri("http://127.0.0.1:7000/token"));
        definitions[ProviderKey.Parse("google-calendar")].OAuth2!.TokenUrl.ShouldBe(new Uri("http://127.0.0.1:7000/token"));
    }

    [Fact]
    public void Load_NewKey_DefinesAWholeProvider()
    {
        var acme = CatalogFactory.LoadValid(
            "acme",
            ("Mooring:Providers:acme:displayName", "Acme CRM"),
            ("Mooring:Providers:acme:apiBaseUrl", "https://api.acme.example/v2/"),
            ("Mooring:Providers:acme:authModes:0", "ApiKey"),
            ("Mooring:Providers:acme:apiKey:location", "Query"),
            ("Mooring:Providers:acme:apiKey:name", "api_key"),
            ("Mooring:Providers:acme:pagination:style", "Page"),
            ("Mooring:Providers:acme:pagination:cursorParameter", "page"));

        acme.DisplayName.ShouldBe("Acme CRM");
        acme.AuthModes.ShouldBe([AuthMode.ApiKey]);
        acme.ApiKey!.Location.ShouldBe(ApiKeyLocation.Query);
        acme.ApiKey.Format.ShouldBe("{key}");
        acme.Pagination.Style.ShouldBe(PaginationStyle.Page);
        acme.OAuth2.ShouldBeNull();
    }

    [Fact]
    public void Load_NewKeyBasedOnTheGenericTemplate_IsAConcreteDiscoveryProvider()
    {
        var okta = CatalogFactory.LoadValid(
            "okta",
            ("Mooring:Providers:okta:basedOn", "oauth2"),
            ("Mooring:Providers:okta:displayName", "Okta"),
            ("Mooring:Providers:okta:oauth2:issuer", "https://acme.okta.example/oauth2/default"));

        okta.IsTemplate.ShouldBeFalse();
        okta.OAuth2!.Discovery.ShouldBeTrue();
        okta.OAuth2.Issuer.ShouldBe("https://acme.okta.example/oauth2/default");
        okta.AuthModes.ShouldContain(AuthMode.OAuth2ClientCredentials);
    }

    [Fact]
    public void Load_DefinitionDirectory_AddsAndOverridesProviders()
    {
        var directory = Directory.CreateTempSubdirectory("mooring-providers-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "acme.json"), """
                // A provider of our own.
                { "displayName": "Acme", "authModes": ["Basic"], "apiBaseUrl": "https://acme.example/" }
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "stripe-sandbox.json"), """
                { "key": "stripe", "apiBaseUrl": "http://127.0.0.1:12111/" }
                """);
            var options = new ProviderCatalogOptions { DefinitionDirectories = [directory.FullName] };

            var (definitions, errors) = CatalogFactory.Load(options, ("Mooring:Providers:acme:displayName", "Acme (configured)"));

            errors.ShouldBeEmpty();
            definitions[ProviderKey.Parse("acme")].DisplayName.ShouldBe("Acme (configured)");
            definitions[ProviderKey.Parse("acme")].AuthModes.ShouldBe([AuthMode.Basic]);
            definitions[ProviderKey.Parse("stripe")].ApiBaseUrl.ShouldBe(new Uri("http://127.0.0.1:12111/"));
            definitions[ProviderKey.Parse("stripe")].ApiKey!.Format.ShouldBe("Bearer {key}");
            definitions.ContainsKey(ProviderKey.Parse("stripe-sandbox")).ShouldBeFalse();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_TheExampleOfTheDocs_IsValid()
    {
        // docs/providers.md, "Example: the sandbox and a provider of your own", as configuration keys.
        var (definitions, errors) = CatalogFactory.Load(
            ("Mooring:Providers:slack:apiBaseUrl", "http://127.0.0.1:5005/api/"),
            ("Mooring:Providers:slack:oauth2:authorizationUrl", "http://127.0.0.1:5005/oauth/v2/authorize"),
            ("Mooring:Providers:slack:oauth2:tokenUrl", "http://127.0.0.1:5005/api/oauth.v2.access"),
            ("Mooring:Providers:slack:oauth2:authorizeParameters:user_scope", "search:read"),
            ("Mooring:Providers:stripe:rateLimits:buckets:0:name", "global"),
            ("Mooring:Providers:stripe:rateLimits:buckets:0:limit", "25"),
            ("Mooring:Providers:stripe:rateLimits:buckets:0:periodSeconds", "1"),
            ("Mooring:Providers:okta:basedOn", "oauth2"),
            ("Mooring:Providers:okta:displayName", "Okta"),
            ("Mooring:Providers:okta:apiBaseUrl", "https://acme.okta.com/api/v1/"),
            ("Mooring:Providers:okta:oauth2:issuer", "https://acme.okta.com/oauth2/default"),
            ("Mooring:Providers:okta:oauth2:defaultScopes:0", "openid"),
            ("Mooring:Providers:okta:oauth2:defaultScopes:1", "profile"),
            ("Mooring:Providers:okta:oauth2:defaultScopes:2", "offline_access"),
            ("Mooring:Providers:acme-crm:displayName", "Acme CRM"),
            ("Mooring:Providers:acme-crm:docsUrl", "https://developer.acme.example/"),
            ("Mooring:Providers:acme-crm:apiBaseUrl", "https://api.acme.example/v2/"),
            ("Mooring:Providers:acme-crm:authModes:0", "ApiKey"),
            ("Mooring:Providers:acme-crm:apiKey:location", "Header"),
            ("Mooring:Providers:acme-crm:apiKey:name", "X-Api-Key"),
            ("Mooring:Providers:acme-crm:pagination:style", "Offset"),
            ("Mooring:Providers:acme-crm:pagination:cursorParameter", "offset"),
            ("Mooring:Providers:acme-crm:pagination:limitParameter", "limit"),
            ("Mooring:Providers:acme-crm:pagination:pageSize", "100"),
            ("Mooring:Providers:acme-crm:errors:code", "/error/code"),
            ("Mooring:Providers:acme-crm:errors:message", "/error/message"));

        errors.ShouldBeEmpty();
        definitions[ProviderKey.Parse("slack")].OAuth2!.AuthorizeParameters["user_scope"].ShouldBe("search:read");
        definitions[ProviderKey.Parse("stripe")].RateLimits.Buckets.ShouldHaveSingleItem().Limit.ShouldBe(25);
        definitions[ProviderKey.Parse("okta")].OAuth2!.DefaultScopes.Count.ShouldBe(3);
        definitions[ProviderKey.Parse("acme-crm")].ApiKey!.Name.ShouldBe("X-Api-Key");
    }
}
