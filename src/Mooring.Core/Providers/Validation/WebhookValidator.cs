using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>Checks that a webhook scheme has the headers it needs and that locations parse.</summary>
internal static class WebhookValidator
{
    private static readonly TimeSpan MaxTolerance = TimeSpan.FromHours(1);

    public static void Validate(WebhookSettings? webhooks, DefinitionErrors errors)
    {
        if (webhooks is null)
        {
            return;
        }

        Rules.Defined(errors, "webhooks.scheme", webhooks.Scheme);
        var scheme = webhooks.Scheme;
        var needsSignatureHeader = scheme is not (WebhookSignatureScheme.None or WebhookSignatureScheme.GooglePubSubOidc);
        Rules.HeaderName(errors, "webhooks.signatureHeader", webhooks.SignatureHeader, needsSignatureHeader);
        var needsTimestampHeader = scheme is WebhookSignatureScheme.SlackV0 or WebhookSignatureScheme.StandardWebhooks;
        Rules.HeaderName(errors, "webhooks.timestampHeader", webhooks.TimestampHeader, needsTimestampHeader);
        if (webhooks.Tolerance <= TimeSpan.Zero || webhooks.Tolerance > MaxTolerance)
        {
            errors.Add("webhooks.toleranceSeconds", $"must be between 1 and {MaxTolerance.TotalSeconds} seconds");
        }

        Rules.Location(errors, "webhooks.eventId", webhooks.EventId);
        Rules.Location(errors, "webhooks.eventType", webhooks.EventType);
        Rules.Location(errors, "webhooks.accountReference", webhooks.AccountReference);
        if (scheme != WebhookSignatureScheme.None && webhooks.EventId is null)
        {
            errors.Add("webhooks.eventId", "is required to de-duplicate deliveries");
        }
    }
}
