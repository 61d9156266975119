using System.Globalization;

namespace Mooring.Sandbox.Google.Channels;

/// <summary>
/// A push notification as Google sends it: an empty POST whose <c>X-Goog-*</c> headers say which channel, which resource
/// and what happened (<c>sync</c> when the channel opens, <c>exists</c> when the resource changed).
/// </summary>
internal sealed record ChannelNotification(CalendarChannel Channel, string State, long Number)
{
    /// <summary>The channel id and message number, which identify the notification.</summary>
    public string Id => $"{Channel.Id}:{Number.ToString(CultureInfo.InvariantCulture)}";

    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        yield return new("X-Goog-Channel-ID", Channel.Id);
        if (Channel.Token is { } token)
        {
            yield return new("X-Goog-Channel-Token", token);
        }

        yield return new("X-Goog-Channel-Expiration", Channel.Expiration.ToString("R", CultureInfo.InvariantCulture));
        yield return new("X-Goog-Resource-ID", Channel.ResourceId);
        yield return new("X-Goog-Resource-URI", Channel.ResourceUri);
        yield return new("X-Goog-Resource-State", State);
        yield return new("X-Goog-Message-Number", Number.ToString(CultureInfo.InvariantCulture));
    }
}
