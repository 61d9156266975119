using Mooring.Connections;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>What <see cref="Mooring.Webhooks.IPushChannelWatcher.WatchAsync"/> is asked, read from the API or the command line.</summary>
internal sealed record PushChannelWatch(ConnectionId ConnectionId, string CalendarId, TimeSpan? Ttl);
