using System.Data.Common;

namespace Mooring.Storage;

/// <summary>
/// An open write transaction on Mooring's database, lent to a webhook handler so that its own writes commit or roll back
/// together with the event's completion mark: the effect happens exactly once however often the event is delivered.
/// Do not commit, roll back or dispose it.
/// </summary>
public sealed class StoreTransaction
{
    /// <summary>Creates a view of an open transaction.</summary>
    public StoreTransaction(DbConnection connection, DbTransaction transaction, string storageProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        Connection = connection;
        Transaction = transaction;
        StorageProvider = storageProvider;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction every command must be enlisted in.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>Which database this is (<c>sqlite</c> or <c>postgres</c>), for SQL that differs.</summary>
    public string StorageProvider { get; }

    /// <summary>A command enlisted in the transaction.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }
}
