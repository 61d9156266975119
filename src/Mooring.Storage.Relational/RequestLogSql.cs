using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>The request log's INSERT through ADO.NET: several rows per statement, for a store across a network.</summary>
internal static class RequestLogSql
{
    public const string InsertColumns = "at, provider, connection_id, method, path, status, duration_ms, attempt, error_category, trace_id";

    // 50 rows of 10 parameters per statement: a round trip per 50 entries, not per entry, and well under PostgreSQL's
    // 65,535 parameters per statement.
    private const int RowsPerStatement = 50;

    private static readonly string[] InsertParameters = ["@at", "@p", "@c", "@m", "@path", "@s", "@d", "@a", "@e", "@t"];

    /// <summary>
    /// Inserts <paramref name="entries"/> inside <paramref name="transaction"/>: one command for the full chunks,
    /// prepared when it runs more than once, and one for the rest.
    /// </summary>
    public static async Task InsertAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<RequestLogEntry> entries, CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < entries.Count; offset += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, entries.Count - offset);
                if (rows == RowsPerStatement)
                {
                    if (full is null)
                    {
                        full = Insert(db, transaction, rows);
                        if (entries.Count >= 2 * RowsPerStatement)
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
}
