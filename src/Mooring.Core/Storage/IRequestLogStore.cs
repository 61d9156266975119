namespace Mooring.Storage;

/// <summary>The log of calls to providers.</summary>
public interface IRequestLogStore
{
    /// <summary>Appends the entries in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<RequestLogEntry>> QueryAsync(RequestLogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes entries older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
