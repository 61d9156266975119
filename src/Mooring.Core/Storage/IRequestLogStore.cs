namespace Mooring.Storage;

/// <summary>The log of calls to providers.</summary>
public interface IRequestLogStore
{
    /// <summary>Appends the entries in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<RequestLogEntry>> QueryAsync(RequestLogQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> entries older than <paramref name="cutoff"/>, oldest first, in one short
    /// transaction; returns how many. Call again until it returns less than <paramref name="max"/>.
    /// </summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}
