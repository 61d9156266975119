using Mooring.Testing;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mooring.Storage.Tests.Infrastructure;

/// <summary>A real store (SQLite file or PostgreSQL database) with Mooring's services over it, migrated.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private StoreHarness(ServiceProvider services, string description, Func<Task> cleanup, string? sqlitePath, string? postgres)
    {
        Services = services;
        Description = description;
        _cleanup = cleanup;
        SqlitePath = sqlitePath;
        PostgresConnectionString = postgres;
    }

    public ServiceProvider Services { get; }

    public string Description { get; }

    public string? SqlitePath { get; }

    public string? PostgresConnectionString { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<StoreHarness> SqliteAsync(Dictionary<string, string>? keys = null, string? activeKey = null, string? path = null, bool migrate = true)
    {
        var directory = path is null ? Directory.CreateTempSubdirectory("mooring-test-").FullName : null;
        var file = path ?? Path.Combine(directory!, "mooring.db");
        var services = Build(keys, activeKey, s => s.AddMooringSqliteStore(o => o.Path = file));
        var harness = new StoreHarness(services, "sqlite", async () =>
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }, file, null);
        if (migrate)
        {
            await harness.Get<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        }

        return harness;
    }

    public static async Task<StoreHarness> PostgresAsync(Dictionary<string, string>? keys = null, string? activeKey = null, string? connectionString = null, bool migrate = true)
    {
        var owned = connectionString is null;
        var cs = connectionString ?? await TestPostgres.CreateDatabaseAsync();
        var services = Build(keys, activeKey, s => s.AddMooringPostgresStore(o => o.ConnectionString = cs));
        var harness = new StoreHarness(services, "postgres", async () =>
        {
            await services.DisposeAsync();
            if (owned)
            {
                await TestPostgres.DropDatabaseAsync(cs);
            }
        }, null, cs);
        if (migrate)
        {
            await harness.Get<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>Another instance (its own services and connection pool) over the same database, not migrated.</summary>
    public Task<StoreHarness> OpenSameDatabaseAsync(Dictionary<string, string>? keys = null, string? activeKey = null) =>
        SqlitePath is not null
            ? SqliteAsync(keys, activeKey, path: SqlitePath, migrate: false)
            : PostgresAsync(keys, activeKey, connectionString: PostgresConnectionString, migrate: false);

    public async Task<int> RawExecuteAsync(string sql)
    {
        await using var connection = await Get<Relational.StoreDialect>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<long> RawScalarAsync(string sql)
    {
        await using var connection = await Get<Relational.StoreDialect>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await _cleanup();

    private static ServiceProvider Build(Dictionary<string, string>? keys, string? activeKey, Action<IServiceCollection> store)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));
        services.AddMooringCore(o =>
        {
            foreach (var (id, key) in keys ?? new Dictionary<string, string> { ["k1"] = NewKey() })
            {
                o.Keys[id] = key;
            }

            o.ActiveKeyId = activeKey;
        });
        store(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
