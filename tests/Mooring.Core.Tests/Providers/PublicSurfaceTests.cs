using System.Reflection;
using Mooring.Providers;

namespace Mooring.Core.Tests.Providers;

public sealed class PublicSurfaceTests
{
    private static readonly Type[] ProviderTypes =
        [.. typeof(IProviderCatalog).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("Mooring.Providers", StringComparison.Ordinal) == true)];

    [Fact]
    public void PublicTypes_AreOnlyTheIntendedSurface()
    {
        ProviderTypes.Where(t => t.IsVisible).Select(t => t.FullName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "Mooring.Providers.ApiKeyLocation",
            "Mooring.Providers.ApiKeySettings",
            "Mooring.Providers.ClientAuthenticationStyle",
            "Mooring.Providers.ClientCredentialsSettings",
            "Mooring.Providers.EndpointRateLimit",
            "Mooring.Providers.ErrorShape",
            "Mooring.Providers.GitHub.GitHubIssue",
            "Mooring.Providers.GitHub.GitHubIssuesClient",
            "Mooring.Providers.Google.CalendarEvent",
            "Mooring.Providers.Google.EmailAddress",
            "Mooring.Providers.Google.EmailMessage",
            "Mooring.Providers.Google.GmailClient",
            "Mooring.Providers.Google.GoogleCalendarClient",
            "Mooring.Providers.Google.SentEmail",
            "Mooring.Providers.IProviderCatalog",
            "Mooring.Providers.ITokenResponseMapper",
            "Mooring.Providers.IdempotencySettings",
            "Mooring.Providers.MappedTokenResponse",
            "Mooring.Providers.OAuth2Settings",
            "Mooring.Providers.PaginationSettings",
            "Mooring.Providers.PaginationStyle",
            "Mooring.Providers.PkceSupport",
            "Mooring.Providers.ProviderCatalogOptions",
            "Mooring.Providers.ProviderCatalogServiceCollectionExtensions",
            "Mooring.Providers.ProviderDefinition",
            "Mooring.Providers.ProviderDiscoveryException",
            "Mooring.Providers.ProviderToken",
            "Mooring.Providers.RateLimitBucket",
            "Mooring.Providers.RateLimitHeaders",
            "Mooring.Providers.RateLimitPolicy",
            "Mooring.Providers.RateLimitResetFormat",
            "Mooring.Providers.RateLimitScope",
            "Mooring.Providers.Slack.SlackChannel",
            "Mooring.Providers.Slack.SlackClient",
            "Mooring.Providers.Slack.SlackMessage",
            "Mooring.Providers.Stripe.StripeBillingClient",
            "Mooring.Providers.Stripe.StripeSubscription",
            "Mooring.Providers.Stripe.StripeSubscriptionRequest",
            "Mooring.Providers.TokenFieldMapping",
            "Mooring.Providers.TokenResponseMapping",
            "Mooring.Providers.WebhookSettings",
            "Mooring.Providers.WebhookSignatureScheme",
        ]);
    }

    [Fact]
    public void InternalClasses_AreSealedOrStatic()
    {
        var unsealed = ProviderTypes
            .Where(t => t.IsClass && !t.IsVisible && !t.IsSealed && !t.IsAbstract && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .Select(t => t.FullName);

        unsealed.ShouldBeEmpty();
    }

    [Fact]
    public void PublicRecords_AreImmutable()
    {
        var setters = ProviderTypes
            .Where(t => t.IsVisible && t.IsClass && t != typeof(ProviderCatalogOptions))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter &&
                        !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        setters.ShouldBeEmpty();
    }
}
