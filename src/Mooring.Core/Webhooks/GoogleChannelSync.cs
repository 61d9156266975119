using Mooring.Providers;

namespace Mooring.Webhooks;

/// <summary>
/// Google's channel handshake: right after a watch request creates a channel, Google sends a notification with
/// <c>X-Goog-Resource-State: sync</c> (message number 1) to say that notifications start. It announces no change, so once
/// verified (channel and token) it is answered 200 and not stored.
/// </summary>
internal static class GoogleChannelSync
{
    private static readonly WebhookHandshake Answer = new("sync", "application/json", """{"status":"sync"}""");

    /// <param name="settings">The provider's webhook settings.</param>
    /// <param name="state">The resource state, read from the settings' event type location (<c>X-Goog-Resource-State</c>).</param>
    public static WebhookHandshake? Handshake(WebhookSettings settings, string? state) =>
        settings.Scheme == WebhookSignatureScheme.GoogleChannelToken && state == "sync" ? Answer : null;
}
