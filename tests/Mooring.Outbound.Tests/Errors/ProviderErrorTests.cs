using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.GitHub;
using Mooring.Providers.Google;
using Mooring.Providers.Slack;
using Mooring.Providers.Stripe;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;

namespace Mooring.Outbound.Tests.Errors;

/// <summary>Each provider's error shape read into one exception a person can act on, with no secret in its words.</summary>
public sealed class ProviderErrorTests : OutboundTestBase
{
    protected override void ConfigureSandbox(SandboxOptions options)
    {
        // Google's per-user quota is the only limit left on, and tiny, to see its 403 userRateLimitExceeded.
        options.RateLimits.Enabled = true;
        options.RateLimits.GooglePerUserPerMinute = 2;
        options.RateLimits.SlackTier2PerMinute = 1000;
        options.RateLimits.SlackPostMessagePerSecond = 1000;
        options.EnforceScopes = true;
    }

    [Fact]
    public async Task Slack_OkFalseWithHttp200_IsAnErrorWithItsExplanation()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<SlackClient>().PostMessageAsync(connection.Id, "C0NOSUCH", "hello", Ct));

        error.Message.ShouldBe("Slack rejected chat.postMessage: channel_not_found (the channel does not exist or the app is not a member)");
        error.Category.ShouldBe(ProviderErrorCategory.NotFound);
        error.StatusCode.ShouldBe(200);
        error.ProviderCode.ShouldBe("channel_not_found");
        error.IsRetryable.ShouldBeFalse();
        error.Operation.ShouldBe("chat.postMessage");
    }

    [Fact]
    public async Task Slack_InvalidArguments_CarriesSlacksMessageOfWhatWasWrong()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        var request = new ProviderRequest(HttpMethod.Post, "chat.postMessage")
        {
            Operation = "chat.postMessage",
            Content = System.Net.Http.Json.JsonContent.Create(new { text = "hello" }),
        };

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(connection.Id, request, Ct));

        error.ProviderCode.ShouldBe("invalid_arguments");
        error.ProviderMessage.ShouldBe("[ERROR] missing required field: channel");
        error.Message.ShouldBe("Slack rejected chat.postMessage: invalid_arguments ([ERROR] missing required field: channel)");
        error.Category.ShouldBe(ProviderErrorCategory.Validation);
    }

    [Fact]
    public async Task Slack_MissingScope_IsAuth_NamingTheScopeToReconnectWith()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "hello", Ct));

        error.ProviderCode.ShouldBe("missing_scope");
        error.Message.ShouldBe("Slack rejected chat.postMessage: missing_scope (the token lacks a scope this method needs; reconnect with the scope chat:write added)");
        error.Category.ShouldBe(ProviderErrorCategory.Auth, "a scope the token lacks, as GitHub's and Google's 403s are");
        error.IsRetryable.ShouldBeFalse();
    }

    [Fact]
    public async Task Slack_TokenRevoked_NeedsReconnect_AndTheMessageHoldsNoToken()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Slack, Endpoint = "chat.postMessage", Kind = FaultKind.RevokeToken });

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "hello", Ct));

        error.Category.ShouldBe(ProviderErrorCategory.NeedsReconnect, error.Message);
        error.ProviderCode.ShouldBe("token_revoked");
        error.Message.ShouldBe("Slack rejected chat.postMessage: token_revoked (the token was revoked; the user must connect again)");
        var (_, credentials) = (await Host.Get<Connections.IConnectionVault>().GetAsync(connection.Id, Ct)).ShouldNotBeNull();
        error.ToString().ShouldNotContain(credentials!.AccessToken!);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds", "the card has insufficient funds")]
    [InlineData("pm_card_chargeDeclined", "generic_decline", "the card was declined for an unspecified reason; the customer should contact their bank")]
    public async Task Stripe_DeclinedCard_IsCardDeclinedWithDeclineCode(string paymentMethod, string declineCode, string explanation)
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var customer = await Host.FirstStripeCustomerAsync(connection.Id);

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<StripeBillingClient>().CreateSubscriptionAsync(
            connection.Id, new StripeSubscriptionRequest(customer, "price_pro") { DefaultPaymentMethod = paymentMethod, PaymentBehavior = "error_if_incomplete" }, Ct));

        error.Category.ShouldBe(ProviderErrorCategory.Validation);
        error.StatusCode.ShouldBe(402);
        error.ProviderCode.ShouldBe("card_declined");
        error.DeclineCode.ShouldBe(declineCode);
        error.Message.ShouldBe($"Stripe rejected POST /v1/subscriptions: HTTP 402 card_declined, decline code {declineCode} ({explanation})");
        error.Message.ShouldNotContain(Host.Sandbox.Control.Options.StripeApiKey);
    }

    [Fact]
    public async Task Stripe_MissingObject_IsNotFound()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<StripeBillingClient>().CancelSubscriptionAsync(connection.Id, "sub_missing", Ct));

        error.Category.ShouldBe(ProviderErrorCategory.NotFound);
        error.ProviderCode.ShouldBe("resource_missing");
        error.Message.ShouldStartWith("Stripe rejected POST /v1/subscriptions/{id}: HTTP 404 resource_missing (the object does not exist in this Stripe account)");
    }

    [Fact]
    public async Task Google_NotFound_ReadsTheReason()
    {
        var connection = await Host.OAuthConnectionAsync("google-calendar", SandboxProvider.Google, "https://www.googleapis.com/auth/calendar.readonly");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(
            connection.Id, new ProviderRequest(HttpMethod.Get, "calendars/primary/events/nosuchevent") { Operation = "GET /calendars/{calendarId}/events/{eventId}" }, Ct));

        error.Category.ShouldBe(ProviderErrorCategory.NotFound);
        error.ProviderCode.ShouldBe("notFound");
        error.Message.ShouldBe("Google Calendar rejected GET /calendars/{calendarId}/events/{eventId}: HTTP 404 notFound (the item does not exist or the user cannot see it)");
    }

    [Fact]
    public async Task Google_UserRateLimitExceededOn403_IsRateLimited()
    {
        var connection = await Host.OAuthConnectionAsync("google-mail", SandboxProvider.Google, "https://www.googleapis.com/auth/gmail.readonly");
        var api = Host.Get<IProviderApi>();
        for (var i = 0; i < 2; i++)
        {
            using var _ = await api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "users/me/profile"), Ct);
        }

        var error = await Should.ThrowAsync<ProviderApiException>(Host.DriveAsync(api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "users/me/profile"), Ct)));

        error.Category.ShouldBe(ProviderErrorCategory.RateLimited);
        error.StatusCode.ShouldBe(403);
        error.ProviderCode.ShouldBe("userRateLimitExceeded");
        error.IsRetryable.ShouldBeTrue();
    }

    [Fact]
    public async Task GitHub_MissingIssue_ReadsTheMessage()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");

        var error = await Should.ThrowAsync<ProviderApiException>(Host.Get<IProviderApi>().SendAsync(
            connection.Id, new ProviderRequest(HttpMethod.Get, "repos/octo-org/octo-repo/issues/999999") { Operation = "GET /repos/{owner}/{repo}/issues/{number}" }, Ct));

        error.Category.ShouldBe(ProviderErrorCategory.NotFound);
        error.ProviderMessage.ShouldBe("Not Found");
        error.Message.ShouldBe("GitHub rejected GET /repos/{owner}/{repo}/issues/{number}: HTTP 404 (Not Found)");
    }
}
