using System.Data.Common;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

internal sealed class RelationalRequestLogStore(StoreDialect dialect) : IRequestLogStore
{
    private const string Columns = "id, at, provider, connection_id, method, path, status, duration_ms, attempt, error_category, trace_id";

    public async Task AppendAsync(IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        // A record of calls already made, not something acknowledged: its commit need not wait for the disk.
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        await dialect.InsertRequestLogAsync(db, transaction, entries, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RequestLogEntry>> QueryAsync(RequestLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty);
        new SqlWhere(command, $"SELECT {Columns} FROM request_log")
            .When("provider", query.Provider?.Value)
            .When("connection_id", query.ConnectionId?.Value)
            .When("at", Db.ToMs(query.Since), ">=")
            // Said also with categories (which imply it), so that the partial index ix_request_log_errors serves them too.
            .If(query.ErrorsOnly || query.ErrorCategories.Count > 0, "error_category IS NOT NULL")
            .In("error_category", query.ErrorCategories)
            .When("id", query.Before, "<")
            .OrderBy("id DESC", query.Limit);
        return await command.ReadAllAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var db = await dialect.OpenRelaxedAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(RetentionSql.RequestLog, cancellationToken, ("@cutoff", Db.ToMs(cutoff)), ("@max", max)).ConfigureAwait(false);
    }

    private static RequestLogEntry Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        At = r.Time(1),
        Provider = ProviderKey.Parse(r.GetString(2)),
        ConnectionId = r.StringOrNull(3) is { } id ? ConnectionId.Parse(id) : null,
        Method = r.GetString(4),
        Path = r.GetString(5),
        Status = r.IsDBNull(6) ? null : r.GetInt32(6),
        DurationMs = r.GetDouble(7),
        Attempt = r.GetInt32(8),
        ErrorCategory = r.StringOrNull(9),
        TraceId = r.StringOrNull(10),
    };
}
