using Npgsql;

namespace Mooring.Testing;

/// <summary>
/// The PostgreSQL server that scripts/test.sh starts on loopback, named by MOORING_TEST_POSTGRES.
/// Missing server: a failure under CI=true, a skip elsewhere.
/// </summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "MOORING_TEST_POSTGRES";

    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{EnvironmentVariable} is not set, and CI=true forbids skipping PostgreSQL tests. Run the suite through scripts/test.sh, which starts PostgreSQL.");
            }

            Assert.Skip($"{EnvironmentVariable} is not set; run scripts/test.sh to start PostgreSQL.");
            return null!;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString;
        var name = "mooring_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
