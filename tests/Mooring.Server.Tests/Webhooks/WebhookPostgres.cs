using Npgsql;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// A fresh database on the PostgreSQL server named by MOORING_TEST_POSTGRES (scripts/test.sh starts one). Missing
/// server: a failure under CI=true, a skip elsewhere.
/// </summary>
internal static class WebhookPostgres
{
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("MOORING_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("MOORING_TEST_POSTGRES is not set, and CI=true forbids skipping PostgreSQL tests. Run scripts/test.sh.");
            }

            Assert.Skip("MOORING_TEST_POSTGRES is not set; run scripts/test.sh to start PostgreSQL.");
        }

        var name = "mooring_wh_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
