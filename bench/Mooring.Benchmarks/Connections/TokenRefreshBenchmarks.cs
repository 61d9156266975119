using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Storage;
using Npgsql;

namespace Mooring.Benchmarks.Connections;

/// <summary>
/// 1,000 concurrent callers ask for the token of one connection whose access token has expired: the time until every
/// caller holds the new token, with one instance (SQLite, PostgreSQL) and two instances sharing PostgreSQL. Each run checks
/// that the token endpoint saw exactly one refresh request and that every caller got the same token; it throws otherwise.
/// PostgreSQL runs need MOORING_BENCH_POSTGRES (or MOORING_TEST_POSTGRES).
/// </summary>
[Config(typeof(InProcessConfig))]
public class TokenRefreshBenchmarks
{
    private const int Callers = 1000;
    private static readonly ConnectionId Id = ConnectionId.Parse("bench-conn");

    private RotatingTokenEndpoint? _endpoint;
    private ServiceProvider[] _instances = [];
    private string? _directory;
    private string? _database;
    private int _expectedRequests;

    [Params("sqlite x1", "postgres x1", "postgres x2")]
    public string Setup { get; set; } = "sqlite x1";

    [GlobalSetup]
    public void GlobalSetup() => GlobalSetupAsync().GetAwaiter().GetResult();

    [IterationSetup]
    public void ExpireToken() => ExpireTokenAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "1,000 callers, expired token")]
    public async Task ThousandCallers()
    {
        var tasks = new Task<AccessToken>[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var tokens = _instances[i % _instances.Length].GetRequiredService<ITokenManager>();
            tasks[i] = Task.Run(() => tokens.GetAccessTokenAsync(Id, CancellationToken.None).AsTask());
        }

        var results = await Task.WhenAll(tasks);
        _expectedRequests++;
        if (_endpoint!.RefreshRequests != _expectedRequests || results.Any(r => r.Value != results[0].Value))
        {
            throw new InvalidOperationException($"Expected exactly one refresh per run: {_endpoint.RefreshRequests} requests after {_expectedRequests} runs.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// refresh requests seen by the provider: {_endpoint!.RefreshRequests} in {_expectedRequests} runs of {Callers} callers; rejected: {_endpoint.Rejected}");
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        _endpoint.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(AdminConnectionString());
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(_database).Database} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }

    private async Task GlobalSetupAsync()
    {
        _endpoint = await RotatingTokenEndpoint.StartAsync();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Action<IServiceCollection> store;
        if (Setup.StartsWith("sqlite", StringComparison.Ordinal))
        {
            _directory = Directory.CreateTempSubdirectory("mooring-bench-").FullName;
            var path = Path.Combine(_directory, "bench.db");
            store = s => s.AddMooringSqliteStore(o => o.Path = path);
        }
        else
        {
            _database = CreateDatabase();
            store = s => s.AddMooringPostgresStore(o => o.ConnectionString = _database);
        }

        _instances = [.. Enumerable.Range(0, Setup.EndsWith("x2", StringComparison.Ordinal) ? 2 : 1).Select(_ => Build(key, store))];
        await _instances[0].GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        await _instances[0].GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = Id, Provider = ProviderKey.Parse("bench"), AuthMode = AuthMode.OAuth2 },
            new ConnectionCredentials { AccessToken = "initial", RefreshToken = _endpoint.CurrentRefreshToken },
            CancellationToken.None);
    }

    private async Task ExpireTokenAsync()
    {
        var vault = _instances[0].GetRequiredService<IConnectionVault>();
        var (connection, credentials) = (await vault.GetAsync(Id, CancellationToken.None))!.Value;
        await vault.UpdateAsync(connection with { ExpiresAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) }, credentials, connection.Version, CancellationToken.None);
    }

    private ServiceProvider Build(string key, Action<IServiceCollection> store)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mooring:Providers:bench:displayName"] = "Bench",
            ["Mooring:Providers:bench:authModes:0"] = "OAuth2",
            ["Mooring:Providers:bench:oauth2:authorizationUrl"] = new Uri(_endpoint!.TokenUrl, "/authorize").AbsoluteUri,
            ["Mooring:Providers:bench:oauth2:tokenUrl"] = _endpoint.TokenUrl.AbsoluteUri,
            ["Mooring:Providers:bench:oauth2:rotatesRefreshTokens"] = "true",
            ["Mooring:OAuth:Clients:bench:ClientId"] = "bench",
            ["Mooring:OAuth:Clients:bench:ClientSecret"] = "bench-secret",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMooringCore(o => o.Keys["k1"] = key);
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        store(services);
        return services.BuildServiceProvider();
    }

    /// <summary>In process: this is a macro benchmark (hosts, pools, a server), and building a separate process times out on 2 shared cores.</summary>
    public sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(20));
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("MOORING_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("MOORING_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set MOORING_BENCH_POSTGRES to a PostgreSQL connection string (scripts/services.sh starts one).");

    private static string CreateDatabase()
    {
        var admin = AdminConnectionString();
        var name = "mooring_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
