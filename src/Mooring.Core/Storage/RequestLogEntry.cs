using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>One attempt of one call to a provider. Holds no secret: the path is a template or has its query removed.</summary>
public sealed record RequestLogEntry
{
    /// <summary>The store's id; 0 for an entry not stored yet.</summary>
    public long Id { get; init; }

    /// <summary>When the attempt started.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The provider called.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The connection whose credentials were used, if any.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path, without query string or secrets.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP status, or <see langword="null"/> when no response came.</summary>
    public int? Status { get; init; }

    /// <summary>How long the attempt took, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The error category when the attempt failed.</summary>
    public string? ErrorCategory { get; init; }

    /// <summary>The W3C trace id of the call.</summary>
    public string? TraceId { get; init; }
}
