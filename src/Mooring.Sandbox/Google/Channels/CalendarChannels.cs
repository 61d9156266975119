using System.Globalization;

namespace Mooring.Sandbox.Google.Channels;

/// <summary>
/// The account's open notification channels and what they have to send: a <c>sync</c> message when a channel opens, then
/// an <c>exists</c> message for every change to its calendar's events until it expires or is stopped. Nothing is sent
/// here; the webhook sender takes the pending notifications when it delivers.
/// </summary>
internal sealed class CalendarChannels(SandboxOptions options)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, CalendarChannel> _open = new(StringComparer.Ordinal);
    private readonly List<ChannelNotification> _pending = [];

    /// <summary>Google's resource id for a calendar's events: opaque, the same for every channel on that calendar.</summary>
    public string ResourceId(string calendar) =>
        SplitMix.Hash(options.Seed, "google:calendar:resource:" + calendar, 0).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Opens a channel and queues its <c>sync</c> message; false when a live channel already has the id.</summary>
    public bool TryOpen(CalendarChannel channel)
    {
        lock (_sync)
        {
            var now = options.TimeProvider.GetUtcNow();
            if (_open.TryGetValue(channel.Id, out var existing) && existing.Expiration > now)
            {
                return false;
            }

            _open[channel.Id] = channel;
            _pending.Add(new ChannelNotification(channel, "sync", channel.NextMessageNumber()));
            return true;
        }
    }

    /// <summary>Stops the channel with this id and resource id, dropping what it had yet to send; false when there is none.</summary>
    public bool Stop(string id, string resourceId)
    {
        lock (_sync)
        {
            if (!_open.TryGetValue(id, out var channel) || channel.ResourceId != resourceId)
            {
                return false;
            }

            _open.Remove(id);
            channel.Stopped = true;
            _pending.RemoveAll(n => n.Channel == channel);
            return true;
        }
    }

    /// <summary>Queues an <c>exists</c> message on every live channel of <paramref name="calendar"/>.</summary>
    public void Changed(string calendar)
    {
        lock (_sync)
        {
            var now = options.TimeProvider.GetUtcNow();
            foreach (var channel in _open.Values.Where(c => c.Calendar == calendar && c.Expiration > now))
            {
                _pending.Add(new ChannelNotification(channel, "exists", channel.NextMessageNumber()));
            }
        }
    }

    /// <summary>Takes every notification waiting to be sent, oldest first.</summary>
    public IReadOnlyList<ChannelNotification> TakePending()
    {
        lock (_sync)
        {
            var taken = _pending.ToList();
            _pending.Clear();
            return taken;
        }
    }
}
