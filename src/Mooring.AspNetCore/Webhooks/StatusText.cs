using Mooring.Storage;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Statuses as the API and CLI write them (lower case, as stored).</summary>
internal static class StatusText
{
    public static string Of(WebhookEventStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(WebhookDeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out WebhookEventStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
}
