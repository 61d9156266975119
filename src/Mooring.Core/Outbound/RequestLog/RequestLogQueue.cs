using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.Outbound.Telemetry;
using Mooring.Storage;

namespace Mooring.Outbound.RequestLog;

/// <summary>
/// The bounded buffer between calls and the request log writer. Adding never waits: when the buffer is full the entry
/// is dropped and counted, because a call must not slow down for its log. Off when the log is disabled or no
/// <see cref="IRequestLogStore"/> is registered.
/// </summary>
internal sealed class RequestLogQueue
{
    private readonly Channel<RequestLogEntry> _channel;
    private readonly OutboundTelemetry _telemetry;
    private long _dropped;

    public RequestLogQueue(IOptions<OutboundOptions> options, OutboundTelemetry telemetry, IServiceProvider services)
    {
        var settings = options.Value.RequestLog;
        Enabled = settings.Enabled && services.GetService<IRequestLogStore>() is not null;
        BatchSize = settings.BatchSize;
        FlushInterval = settings.FlushInterval;
        _telemetry = telemetry;
        _channel = Channel.CreateBounded<RequestLogEntry>(new BoundedChannelOptions(settings.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse when full, so that the drop is counted
        });
    }

    public bool Enabled { get; }

    public int BatchSize { get; }

    public TimeSpan FlushInterval { get; }

    /// <summary>Entries dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<RequestLogEntry> Reader => _channel.Reader;

    public void Add(RequestLogEntry entry)
    {
        if (Enabled && !_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
            _telemetry.LogEntryDropped();
        }
    }
}
