using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Core.Tests.Providers;

public sealed class BuiltInProviderTests
{
    [Fact]
    public void Load_BuiltInsOnly_AllLoadWithoutErrors()
    {
        var (definitions, errors) = CatalogFactory.Load();

        errors.ShouldBeEmpty();
        definitions.Keys.Select(k => k.Value).ShouldBe(
            ["github", "google", "google-calendar", "google-mail", "oauth2", "slack", "stripe"]);
    }

    [Theory]
    [InlineData("slack", true)]
    [InlineData("stripe", true)]
    [InlineData("google", false)]
    [InlineData("google-mail", true)]
    [InlineData("google-calendar", true)]
    [InlineData("github", true)]
    public void Load_ConcreteBuiltIn_HasWhatAConnectionNeeds(string key, bool receivesWebhooks)
    {
        var definition = CatalogFactory.LoadValid(key);

        definition.Key.ShouldBe(ProviderKey.Parse(key));
        definition.IsTemplate.ShouldBeFalse();
        definition.DisplayName.ShouldNotBeNullOrWhiteSpace();
        definition.Icon.ShouldStartWith("https://");
        definition.ApiBaseUrl!.Scheme.ShouldBe("https");
        (definition.Webhooks?.EventId is not null).ShouldBe(receivesWebhooks);
        (definition.Errors.Code ?? definition.Errors.Message).ShouldNotBeNull();
    }

    [Fact]
    public void Slack_MatchesItsDocumentation()
    {
        var slack = CatalogFactory.LoadValid("slack");
        var oauth = slack.OAuth2.ShouldNotBeNull();

        oauth.AuthorizationUrl.ShouldBe(new Uri("https://slack.com/oauth/v2/authorize"));
        oauth.TokenUrl.ShouldBe(new Uri("https://slack.com/api/oauth.v2.access"));
        oauth.ScopeSeparator.ShouldBe(",");
        oauth.ClientAuthentication.ShouldBe(ClientAuthenticationStyle.ClientSecretBasic);
        oauth.TokenResponse.Success.ShouldBe("/ok");
        oauth.TokenResponse.ErrorDescription.ShouldBeNull();
        oauth.TokenResponse.AccessToken.ShouldBe("/access_token");
        oauth.TokenResponse.UserToken.ShouldNotBeNull().AccessToken.ShouldBe("/authed_user/access_token");
        slack.Errors.Success.ShouldBe("/ok");
        slack.Errors.Code.ShouldBe("/error");
        slack.Errors.ExpiredTokenCodes.ShouldBe(["token_expired"]); // not invalid_auth, token_revoked: the grant is gone
        slack.Pagination.Style.ShouldBe(PaginationStyle.BodyCursor);
        slack.Pagination.CursorParameter.ShouldBe("cursor");
        slack.Pagination.NextCursor.ShouldBe("/response_metadata/next_cursor");
        var webhooks = slack.Webhooks.ShouldNotBeNull();
        webhooks.Scheme.ShouldBe(WebhookSignatureScheme.SlackV0);
        webhooks.TimestampHeader.ShouldBe("X-Slack-Request-Timestamp");
        webhooks.Tolerance.ShouldBe(TimeSpan.FromMinutes(5));
        webhooks.EventType.ShouldBe("/event/type");
        webhooks.AccountReference.ShouldBe("/team_id");
        var postMessage = slack.RateLimits.Endpoints.Single(e => e.Match.Contains("POST /chat.postMessage"));
        postMessage.PartitionParameter.ShouldBe("channel");
        postMessage.Limit.ShouldBe(1);
        postMessage.Period.ShouldBe(TimeSpan.FromSeconds(1));
        slack.RateLimits.Endpoints.Single(e => e.Name == "tier2").PerPattern.ShouldBeTrue();
    }

    [Fact]
    public void Stripe_MatchesItsDocumentation()
    {
        var stripe = CatalogFactory.LoadValid("stripe");

        stripe.AuthModes.ShouldBe([AuthMode.ApiKey]);
        var apiKey = stripe.ApiKey.ShouldNotBeNull();
        apiKey.Location.ShouldBe(ApiKeyLocation.Header);
        apiKey.Name.ShouldBe("Authorization");
        apiKey.Format.ShouldBe("Bearer {key}");
        stripe.Pagination.Style.ShouldBe(PaginationStyle.StartingAfter);
        stripe.Pagination.CursorParameter.ShouldBe("starting_after");
        stripe.Pagination.HasMore.ShouldBe("/has_more");
        stripe.Pagination.Items.ShouldBe("/data");
        stripe.Webhooks.ShouldNotBeNull().Scheme.ShouldBe(WebhookSignatureScheme.Stripe);
        stripe.Webhooks.SignatureHeader.ShouldBe("Stripe-Signature");
        stripe.Webhooks.Tolerance.ShouldBe(TimeSpan.FromSeconds(300));
        stripe.Webhooks.AccountReference.ShouldBe("/account");
        stripe.Errors.DeclineCode.ShouldBe("/error/decline_code");
        stripe.Errors.Type.ShouldBe("/error/type");
        stripe.Idempotency.ShouldNotBeNull().Header.ShouldBe("Idempotency-Key");
        stripe.Idempotency.Methods.ShouldBe(["POST"]);
        stripe.RateLimits.Headers.ShouldRetry.ShouldBe("Stripe-Should-Retry");
        stripe.RateLimits.Headers.RetryAfter.ShouldBe("Retry-After");
        var global = stripe.RateLimits.Buckets.ShouldHaveSingleItem();
        (global.Limit, global.Period).ShouldBe((100, TimeSpan.FromSeconds(1)));
        global.LimitByKeyPrefix.ShouldBe(new Dictionary<string, int> { ["sk_test_"] = 25, ["rk_test_"] = 25 }, ignoreOrder: true);
    }

    [Fact]
    public void GitHub_MatchesItsDocumentation()
    {
        var github = CatalogFactory.LoadValid("github");
        var oauth = github.OAuth2.ShouldNotBeNull();

        oauth.TokenRequestHeaders["Accept"].ShouldBe("application/json");
        oauth.ScopeSeparator.ShouldBe(" ");
        oauth.TokenResponse.ScopeSeparator.ShouldBe(",");
        oauth.ClientAuthentication.ShouldBe(ClientAuthenticationStyle.ClientSecretPost);
        oauth.Pkce.ShouldBe(PkceSupport.Supported);
        github.DefaultRequestHeaders["X-GitHub-Api-Version"].ShouldBe("2022-11-28");
        github.Pagination.Style.ShouldBe(PaginationStyle.LinkHeader);
        github.Pagination.LimitParameter.ShouldBe("per_page");
        var headers = github.RateLimits.Headers;
        headers.Reset.ShouldBe("x-ratelimit-reset");
        headers.ResetFormat.ShouldBe(RateLimitResetFormat.EpochSeconds);
        headers.Resource.ShouldBe("x-ratelimit-resource");
        github.RateLimits.Buckets.ShouldContain(b => b.Limit == 5000 && b.Period == TimeSpan.FromHours(1));
        github.RateLimits.Buckets.ShouldContain(b => b.MaxConcurrency == 100);
        github.RateLimits.LimitedMessages.ShouldBe(["You have exceeded a secondary rate limit"]);
        github.RateLimits.DefaultRetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        var webhooks = github.Webhooks.ShouldNotBeNull();
        webhooks.Scheme.ShouldBe(WebhookSignatureScheme.GitHubSha256);
        webhooks.SignatureHeader.ShouldBe("X-Hub-Signature-256");
        webhooks.EventId.ShouldBe("header:X-GitHub-Delivery");
        webhooks.EventType.ShouldBe("header:X-GitHub-Event");
        webhooks.AccountReference.ShouldBe("/installation/id");
    }

    [Fact]
    public void Google_MatchesItsDocumentation()
    {
        var google = CatalogFactory.LoadValid("google");
        var oauth = google.OAuth2.ShouldNotBeNull();

        oauth.AuthorizationUrl.ShouldBe(new Uri("https://accounts.google.com/o/oauth2/v2/auth"));
        oauth.TokenUrl.ShouldBe(new Uri("https://oauth2.googleapis.com/token"));
        oauth.Issuer.ShouldBe("https://accounts.google.com");
        oauth.AuthorizeParameters["access_type"].ShouldBe("offline");
        oauth.AuthorizeParameters["prompt"].ShouldBe("consent");
        oauth.ScopeSeparator.ShouldBe(" ");
        oauth.RotatesRefreshTokens.ShouldBeFalse();
        google.Pagination.Style.ShouldBe(PaginationStyle.PageToken);
        google.Pagination.CursorParameter.ShouldBe("pageToken");
        google.Pagination.NextCursor.ShouldBe("/nextPageToken");
        google.Errors.Reason.ShouldBe("/error/errors/0/reason");
        google.Errors.Status.ShouldBe("/error/status");
        google.RateLimits.LimitedErrorCodes.ShouldContain("userRateLimitExceeded");
    }

    [Fact]
    public void GoogleMailAndCalendar_InheritGoogleOAuthAndKeepTheirOwnApi()
    {
        var google = CatalogFactory.LoadValid("google");
        var mail = CatalogFactory.LoadValid("google-mail");
        var calendar = CatalogFactory.LoadValid("google-calendar");

        mail.BasedOn.ShouldBe("google");
        mail.OAuth2!.TokenUrl.ShouldBe(google.OAuth2!.TokenUrl);
        mail.OAuth2.AuthorizeParameters["access_type"].ShouldBe("offline");
        mail.OAuth2.DefaultScopes.ShouldContain("https://www.googleapis.com/auth/gmail.send");
        mail.OAuth2.DefaultScopes.ShouldNotContain("openid");
        mail.ApiBaseUrl.ShouldBe(new Uri("https://gmail.googleapis.com/gmail/v1/"));
        mail.RateLimits.Endpoints.Single(e => e.Name == "messages.send").Cost.ShouldBe(100);
        mail.RateLimits.Headers.RetryAfter.ShouldBe("Retry-After");
        mail.Pagination.CursorParameter.ShouldBe("pageToken");
        mail.Pagination.PageSize.ShouldBe(500);
        calendar.ApiBaseUrl.ShouldBe(new Uri("https://www.googleapis.com/calendar/v3/"));
        calendar.Webhooks!.Scheme.ShouldBe(WebhookSignatureScheme.GoogleChannelToken);
        calendar.Webhooks.SignatureHeader.ShouldBe("X-Goog-Channel-Token");
        calendar.RateLimits.Buckets.ShouldContain(b => b.Name == "per-user" && b.Limit == 600);

        // One Google token serves the APIs on several hosts, and no others.
        foreach (var definition in new[] { mail, calendar })
        {
            ProviderHosts.MayReceiveCredentials(definition, new Uri("https://gmail.googleapis.com/upload/gmail/v1/users/me/messages/send")).ShouldBeTrue();
            ProviderHosts.MayReceiveCredentials(definition, new Uri("https://www.googleapis.com/calendar/v3/calendars/primary/events")).ShouldBeTrue();
            ProviderHosts.MayReceiveCredentials(definition, new Uri("https://openidconnect.googleapis.com/v1/userinfo")).ShouldBeTrue();
            ProviderHosts.MayReceiveCredentials(definition, new Uri("http://www.googleapis.com/calendar/v3/")).ShouldBeFalse();
            ProviderHosts.MayReceiveCredentials(definition, new Uri("https://www.googleapis.com:8443/calendar/v3/")).ShouldBeFalse();
            ProviderHosts.MayReceiveCredentials(definition, new Uri("https://googleapis.com.evil.example/")).ShouldBeFalse();
        }
    }

    [Fact]
    public void GenericOAuth2_IsADiscoveryTemplate()
    {
        var generic = CatalogFactory.LoadValid("oauth2");

        generic.IsTemplate.ShouldBeTrue();
        generic.OAuth2.ShouldNotBeNull().Discovery.ShouldBeTrue();
        generic.OAuth2.Issuer.ShouldBeNull();
        generic.AuthModes.ShouldBe([AuthMode.OAuth2, AuthMode.OAuth2ClientCredentials]);
        generic.Icon.ShouldStartWith("data:image/svg+xml;base64,");
    }
}
