namespace Mooring.RateLimiting.Tests;

/// <summary>
/// The Redis server that scripts/test.sh starts on loopback, named by MOORING_TEST_REDIS (host:port).
/// Missing server: a failure under CI=true, a skip elsewhere (as TestPostgres does for PostgreSQL).
/// </summary>
internal static class TestRedis
{
    public const string EnvironmentVariable = "MOORING_TEST_REDIS";

    public static string Configuration
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
                throw new InvalidOperationException($"{EnvironmentVariable} is not set, and CI=true forbids skipping Redis tests. Run the suite through scripts/test.sh, which starts Redis.");
            }

            Assert.Skip($"{EnvironmentVariable} is not set; run scripts/test.sh to start Redis.");
            return null!;
        }
    }
}
