namespace Mooring.Outbound;

/// <summary>The request log of calls to providers (<c>Mooring:Outbound:RequestLog</c>).</summary>
public sealed class RequestLogOptions
{
    /// <summary>Whether every attempt is written to the store's request log.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many entries may wait in memory for the writer. A call never waits for the log: when the buffer is full the
    /// entry is dropped and counted (<c>mooring.outbound.request_log.dropped</c>).
    /// </summary>
    /// <value>The default value is 10,000.</value>
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// How long the writer lets entries gather before writing them, unless a whole batch is waiting: fewer, larger
    /// transactions cost the store (and the CPU the calls share with it) far less than one per call.
    /// </summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most entries written in one batch.</summary>
    /// <value>The default value is 500.</value>
    public int BatchSize { get; set; } = 500;
}
