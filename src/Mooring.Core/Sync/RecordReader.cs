using System.Globalization;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

internal sealed class RecordReader(ISyncRecordStore records) : IRecordReader
{
    public async Task<RecordChanges> ReadChangesAsync(ConnectionId connectionId, string model, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        long after = 0;
        if (!string.IsNullOrEmpty(cursor) && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            throw new ArgumentException($"'{cursor}' is not a change feed cursor; pass the next_cursor of a previous page, or none to start at the beginning.", nameof(cursor));
        }

        var page = await records.ReadChangesAsync(connectionId, model, after, limit, cancellationToken).ConfigureAwait(false);
        var next = page.Count > 0 ? page[^1].ChangeSequence : after;
        return new RecordChanges(page, next.ToString(CultureInfo.InvariantCulture), page.Count == limit);
    }
}
