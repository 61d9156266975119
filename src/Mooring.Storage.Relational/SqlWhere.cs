using System.Data.Common;
using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>Builds a <c>SELECT … WHERE … ORDER BY … LIMIT</c> from optional filters, binding each as a parameter.</summary>
internal sealed class SqlWhere(DbCommand command, string select)
{
    private readonly StringBuilder _sql = new StringBuilder(select).Append(" WHERE 1 = 1");
    private int _next;

    /// <summary>Adds <c>column op @p</c> when <paramref name="value"/> is not null.</summary>
    public SqlWhere When(string column, object? value, string op = "=")
    {
        if (value is not null)
        {
            var name = "@w" + _next++;
            _sql.Append(" AND ").Append(column).Append(' ').Append(op).Append(' ').Append(name);
            command.With(name, value);
        }

        return this;
    }

    /// <summary>Adds <paramref name="condition"/>, a fixed SQL condition without parameters, when <paramref name="when"/> is true.</summary>
    public SqlWhere If(bool when, string condition)
    {
        if (when)
        {
            _sql.Append(" AND ").Append(condition);
        }

        return this;
    }

    /// <summary>Adds <c>column IN (…)</c> when <paramref name="values"/> is not empty.</summary>
    public SqlWhere In(string column, IReadOnlyCollection<object> values)
    {
        if (values.Count > 0)
        {
            _sql.Append(" AND ").Append(column).Append(" IN (");
            var first = true;
            foreach (var value in values)
            {
                var name = "@w" + _next++;
                _sql.Append(first ? string.Empty : ", ").Append(name);
                command.With(name, value);
                first = false;
            }

            _sql.Append(')');
        }

        return this;
    }

    /// <summary>Finishes the statement with its order and a limit clamped to 1..1000, and sets it on the command.</summary>
    public DbCommand OrderBy(string orderBy, int limit)
    {
        _sql.Append(" ORDER BY ").Append(orderBy).Append(" LIMIT @limit");
        command.With("@limit", Math.Clamp(limit, 1, 1000));
        command.CommandText = _sql.ToString();
        return command;
    }
}
