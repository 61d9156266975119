using Microsoft.Extensions.DependencyInjection;
using Mooring.Storage.Relational;
using Mooring.Storage.Sqlite;

namespace Mooring.Storage.Tests;

/// <summary>Mooring:Storage:Sqlite:Synchronous reaches every connection the store opens (SQLite keeps it per connection, not in the file).</summary>
public sealed class SqliteSynchronousTests
{
    [Theory]
    [InlineData(SqliteSynchronous.Full, 2)]
    [InlineData(SqliteSynchronous.Normal, 1)]
    public async Task EveryOpenedConnection_UsesTheConfiguredSetting(SqliteSynchronous setting, long pragmaValue)
    {
        var directory = Directory.CreateTempSubdirectory("mooring-sync-").FullName;
        try
        {
            await using (var services = new ServiceCollection()
                .AddMooringSqliteStore(o => { o.Path = Path.Combine(directory, "mooring.db"); o.Synchronous = setting; })
                .BuildServiceProvider())
            {
                var dialect = services.GetRequiredService<StoreDialect>();
                for (var i = 0; i < 3; i++) // the first connection, then pooled ones
                {
                    await using var connection = await dialect.OpenAsync(TestContext.Current.CancellationToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA synchronous";
                    (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(pragmaValue);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
