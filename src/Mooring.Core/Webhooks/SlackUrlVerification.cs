using System.Text.Json;
using Mooring.Providers;

namespace Mooring.Webhooks;

/// <summary>
/// Slack's Events API handshake: when a request URL is set, Slack sends a signed
/// <c>{"type": "url_verification", "challenge": "…"}</c> and expects the challenge back. It is answered, not stored.
/// </summary>
internal static class SlackUrlVerification
{
    public static WebhookHandshake? Challenge(WebhookSettings settings, JsonElement body) =>
        settings.Scheme == WebhookSignatureScheme.SlackV0 &&
        body.ValueKind == JsonValueKind.Object &&
        body.TryGetProperty("type", out var type) && type.ValueEquals("url_verification") &&
        body.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
            ? new WebhookHandshake("url_verification", "text/plain", challenge.GetString()!)
            : null;
}
