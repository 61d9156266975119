using System.Data.Common;
using System.Globalization;
using System.Text;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

internal sealed class RelationalRequestLogStore(StoreDialect dialect) : IRequestLogStore
{
    private const string Columns = "id, at, provider, connection_id, method, path, status, duration_ms, attempt, error_category, trace_id";
    private const string InsertColumns = "at, provider, connection_id, method, path, status, duration_ms, attempt, error_category, trace_id";

    // Across a network (PostgreSQL), 50 rows of 10 parameters per statement: a round trip per 50 entries, not per entry,
    // and well under its 65,535 parameters per statement.
    private const int RowsPerStatement = 50;

    private static readonly string[] InsertParameters = ["@at", "@p", "@c", "@m", "@path", "@s", "@d", "@a", "@e", "@t"];

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

        // Many rows per statement where a statement costs a round trip; one command for the full chunks, prepared when it
        // runs more than once, and one for the rest. In process (SQLite, whose provider cannot batch commands: there is no
        // round trip to save) one row per statement: SQLite finds each parameter by name in a list, one by one, on every
        // execution, so binding a statement costs the square of its parameters (50 rows of 10 parameters: 125,000 name
        // comparisons per statement, more CPU than the inserts themselves).
        DbCommand? full = null;
        var perStatement = db.CanCreateBatch ? RowsPerStatement : 1;
        try
        {
            for (var offset = 0; offset < entries.Count; offset += perStatement)
            {
                var rows = Math.Min(perStatement, entries.Count - offset);
                if (rows == perStatement)
                {
                    if (full is null)
                    {
                        full = Insert(db, transaction, rows);
                        if (entries.Count >= 2 * perStatement)
                        {
                            await full.PrepareAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }

                    await ExecuteAsync(full, entries, offset, rows, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await using var rest = Insert(db, transaction, rows);
                    await ExecuteAsync(rest, entries, offset, rows, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }

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
            .When("id", query.Before, "<")
            .OrderBy("id DESC", query.Limit);
        return await command.ReadAllAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync("DELETE FROM request_log WHERE at < @cutoff", cancellationToken, ("@cutoff", Db.ToMs(cutoff))).ConfigureAwait(false);
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows, its parameters in row order (<c>@at0, @p0, …, @t0, @at1, …</c>).</summary>
    private static DbCommand Insert(DbConnection db, DbTransaction transaction, int rows)
    {
        var sql = new StringBuilder("INSERT INTO request_log (").Append(InsertColumns).Append(") VALUES ");
        var command = db.Command(string.Empty, transaction);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < InsertParameters.Length; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{InsertParameters[column]}{row}");
                sql.Append(column == 0 ? string.Empty : ", ").Append(name);
                command.With(name, null);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static Task<int> ExecuteAsync(DbCommand command, IReadOnlyList<RequestLogEntry> entries, int offset, int rows, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var row = 0; row < rows; row++)
        {
            var e = entries[offset + row];
            var at = row * InsertParameters.Length;
            parameters[at].Value = Db.ToMs(e.At);
            parameters[at + 1].Value = e.Provider.Value;
            parameters[at + 2].Value = (object?)e.ConnectionId?.Value ?? DBNull.Value;
            parameters[at + 3].Value = e.Method;
            parameters[at + 4].Value = e.Path;
            parameters[at + 5].Value = (object?)e.Status ?? DBNull.Value;
            parameters[at + 6].Value = e.DurationMs;
            parameters[at + 7].Value = e.Attempt;
            parameters[at + 8].Value = (object?)e.ErrorCategory ?? DBNull.Value;
            parameters[at + 9].Value = (object?)e.TraceId ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
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
