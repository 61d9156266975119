using System.Data.Common;

namespace Mooring.Storage.Relational;

internal static class StoreTransactions
{
    /// <summary>The <c>Mooring:StorageProvider</c> name of the database behind <paramref name="connection"/>.</summary>
    public static string ProviderOf(DbConnection connection) =>
        connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal) ? "postgres" : "sqlite";
}
