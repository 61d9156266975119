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

    /// <summary>The most entries written in one batch.</summary>
    /// <value>The default value is 500.</value>
    public int BatchSize { get; set; } = 500;
}
