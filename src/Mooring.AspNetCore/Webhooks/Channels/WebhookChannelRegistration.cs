using Mooring.Connections;

namespace Mooring.Webhooks;

/// <summary>A push notification channel to register with <see cref="IWebhookChannelRegistry.RegisterAsync"/>.</summary>
public sealed record WebhookChannelRegistration
{
    /// <summary>The provider whose notifications the channel carries, such as <c>google-calendar</c>.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The channel id given in the watch request (a UUID is best): 1 to 64 letters, digits, '-', '_', '.', ':', '+' and '='.</summary>
    public required string ChannelId { get; init; }

    /// <summary>
    /// The token given in the watch request: a random value of at least 8 characters (32 random bytes in base64url is
    /// good), at most 256. <see langword="null"/> to accept the provider's shared tokens (<c>Secrets</c>) instead.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>The connection whose resource the channel watches (a connection of <see cref="Provider"/>).</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The expiration requested in the watch request; Google may end the channel sooner, never later.</summary>
    public required DateTimeOffset Expiration { get; init; }

    /// <summary>The calendar the channel watches, when Mooring opens the channel itself (<see cref="IPushChannelWatcher"/>).</summary>
    internal string? CalendarId { get; init; }

    /// <summary>Whether Mooring opens the channel itself, and so renews and stops it.</summary>
    internal bool Managed { get; init; }
}
