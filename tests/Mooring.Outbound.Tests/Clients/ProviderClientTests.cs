using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Providers.GitHub;
using Mooring.Providers.Google;
using Mooring.Providers.Slack;
using Mooring.Providers.Stripe;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Clients;

/// <summary>The typed clients against the emulators, checking the wire formats the emulators accept and answer.</summary>
public sealed class ProviderClientTests : OutboundTestBase
{
    [Fact]
    public async Task SlackPostMessage_ExistingChannel_ReturnsChannelAndTs()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "chat:write,channels:read");

        var message = await Host.Get<SlackClient>().PostMessageAsync(connection.Id, "#general", "deployed", Ct);

        message.Channel.ShouldStartWith("C");
        message.Ts.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SlackListChannels_ReturnsEveryChannel()
    {
        var connection = await Host.OAuthConnectionAsync("slack", SandboxProvider.Slack, "channels:read");

        var channels = await Host.Get<SlackClient>().ListChannelsAsync(connection.Id, Ct).ToListAsync(Ct);

        channels.Count.ShouldBe(5);
        channels.ShouldContain(c => c.Name == "general");
        channels.Select(c => c.Id).Distinct().Count().ShouldBe(5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StripeCreateSubscription_DefaultIncomplete_ReturnsClientSecret(bool expandPaymentIntent)
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var customer = await Host.FirstStripeCustomerAsync(connection.Id);

        var subscription = await Host.Get<StripeBillingClient>().CreateSubscriptionAsync(
            connection.Id, new StripeSubscriptionRequest(customer, "price_basic") { ExpandPaymentIntent = expandPaymentIntent }, Ct);

        subscription.Status.ShouldBe("incomplete");
        subscription.ClientSecret.ShouldNotBeNull().ShouldContain("_secret_");
        subscription.ToString().ShouldNotContain(subscription.ClientSecret);
    }

    [Fact]
    public async Task StripeCancelSubscription_SetsCancelAtPeriodEnd()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var customer = await Host.FirstStripeCustomerAsync(connection.Id);
        var stripe = Host.Get<StripeBillingClient>();
        var created = await stripe.CreateSubscriptionAsync(connection.Id, new StripeSubscriptionRequest(customer, "price_basic") { DefaultPaymentMethod = "pm_card_visa", PaymentBehavior = "allow_incomplete" }, Ct);

        var cancelled = await stripe.CancelSubscriptionAsync(connection.Id, created.Id, Ct);

        created.CancelAtPeriodEnd.ShouldBeFalse();
        cancelled.Id.ShouldBe(created.Id);
        cancelled.CancelAtPeriodEnd.ShouldBeTrue();
        cancelled.Status.ShouldBe("active");
    }

    [Fact]
    public async Task GmailSendEmail_SendsAnRfc5322MessageGmailCanReadBack()
    {
        var connection = await Host.OAuthConnectionAsync("google-mail", SandboxProvider.Google, "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly");
        var email = new EmailMessage
        {
            To = [new EmailAddress("ada@example.com", "Ada Lovelace"), new EmailAddress("bob@example.com")],
            Subject = "Café résumé ✓",
            TextBody = "Grüße aus Zürich",
            HtmlBody = "<p>Grüße aus <b>Zürich</b></p>",
        };

        var sent = await Host.Get<GmailClient>().SendEmailAsync(connection.Id, email, Ct);

        using var readBack = await Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, $"users/me/messages/{sent.Id}") { Query = [new("format", "raw")] }, Ct);
        var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(readBack.RootElement.GetProperty("raw").GetString()));
        raw.ShouldContain("To: \"Ada Lovelace\" <ada@example.com>,\r\n bob@example.com\r\n");
        raw.ShouldContain("Subject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Café résumé ✓")) + "?=\r\n");
        raw.ShouldContain("MIME-Version: 1.0\r\n");
        raw.ShouldContain("Content-Type: multipart/alternative; boundary=");
        raw.ShouldContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße aus Zürich")));
        sent.ThreadId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GmailSendEmail_HeaderInjection_IsRefusedBeforeSending()
    {
        var connection = await Host.OAuthConnectionAsync("google-mail", SandboxProvider.Google, "https://www.googleapis.com/auth/gmail.send");
        var email = new EmailMessage { To = [new EmailAddress("ada@example.com")], Subject = "hi\r\nBcc: eve@example.com", TextBody = "x" };

        await Should.ThrowAsync<ArgumentException>(() => Host.Get<GmailClient>().SendEmailAsync(connection.Id, email, Ct));

        Host.Wire.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CalendarListEvents_SendsSingleEventsOrderedByStart() // over several pages: PaginationTests
    {
        var connection = await Host.OAuthConnectionAsync("google-calendar", SandboxProvider.Google, "https://www.googleapis.com/auth/calendar.readonly");

        var events = await Host.Get<GoogleCalendarClient>().ListEventsAsync(connection.Id, "primary", null, null, Ct).ToListAsync(Ct);

        events.Count.ShouldBe(30);
        events.Select(e => e.Start).ShouldBeInOrder();
        var query = Host.Wire.Requests.Single().Uri.Query;
        query.ShouldContain("singleEvents=true");
        query.ShouldContain("orderBy=startTime");
    }

    [Fact]
    public async Task GitHubListIssues_FollowsLinkHeaderThroughEveryPage_AndLeavesPullRequestsOut()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");

        var issues = await Host.Get<GitHubIssuesClient>().ListIssuesAsync(connection.Id, "octo-org", "octo-repo", "all", Ct).ToListAsync(Ct);
        var listed = await Host.ListedGitHubIssuesAsync(connection.Id);

        listed.Count.ShouldBe(75, "GitHub's list holds the pull requests too");
        listed.Count(i => i.IsPullRequest).ShouldBeGreaterThan(0);
        issues.Select(i => i.Number).ShouldBe(listed.Where(i => !i.IsPullRequest).Select(i => i.Number));
    }
}
