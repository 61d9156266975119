using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>Which request log entries to list, newest first.</summary>
public sealed record RequestLogQuery
{
    /// <summary>Only calls to this provider.</summary>
    public ProviderKey? Provider { get; init; }

    /// <summary>Only calls for this connection.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>Only calls at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only failed attempts: those with an error category.</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>Only failed attempts with one of these error categories, as the log writes them (<c>rate_limited</c>); any when empty.</summary>
    public IReadOnlyList<string> ErrorCategories { get; init; } = [];

    /// <summary>Keyset paging: only ids below this one.</summary>
    public long? Before { get; init; }

    /// <summary>The most to return.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; init; } = 100;
}
