using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>
/// A push notification channel that Mooring knows (Google Calendar's <c>events.watch</c>, Drive's <c>files.watch</c>):
/// notifications naming it are accepted only with its token and before its expiration, and are attributed to its connection.
/// </summary>
public sealed record WebhookChannelRecord
{
    /// <summary>The provider whose notifications the channel carries.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The channel id the app chose in the watch request, echoed in <c>X-Goog-Channel-ID</c>.</summary>
    public required string ChannelId { get; init; }

    /// <summary>
    /// The SHA-256 of the channel's token, lower-case hex; <see langword="null"/> when the channel uses the provider's
    /// configured tokens (<c>Mooring:Webhooks:Providers:{key}:Secrets</c>). The token itself is never stored.
    /// </summary>
    public string? TokenHash { get; init; }

    /// <summary>The connection whose resource the channel watches; its notifications are attributed to it.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>When the channel expires; later notifications naming it are refused.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the channel was registered.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Whether Mooring opened the channel itself (<c>IPushChannelWatcher</c>), and so renews it before it expires and
    /// stops it at the provider when it is removed; false for a channel an app opened and registered.
    /// </summary>
    public bool Managed { get; init; }

    /// <summary>The calendar the channel watches, for a channel Mooring opened; <see langword="null"/> otherwise.</summary>
    public string? CalendarId { get; init; }

    /// <summary>
    /// Google's opaque id of the watched resource (the watch answer's <c>resourceId</c>), which stopping the channel
    /// needs; <see langword="null"/> until the watch request has been answered, and for a channel an app registered.
    /// </summary>
    public string? ResourceId { get; init; }
}
