using System.Data.Common;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Storage;
using Npgsql;

namespace Mooring.Benchmarks.Storage;

/// <summary>
/// Webhook-event inserts through Mooring's store against raw ADO.NET inserting the same row values (one transaction per
/// call, one prepared command executed per row, duplicates skipped by <c>ON CONFLICT</c>), on each store, one row per
/// call and batches of 100. The statements are not identical: the store also writes the lease columns and returns ids,
/// and on SQLite it binds by position on the provider's native handle (<c>SqliteDialect.InsertWebhookEventsAsync</c>),
/// which is cheaper per row than this ADO.NET baseline. The ratio column is Mooring's time over the baseline's, in the same run.
/// PostgreSQL runs only when MOORING_BENCH_POSTGRES (or MOORING_TEST_POSTGRES) names a server.
/// </summary>
[MemoryDiagnoser]
public class WebhookInsertBenchmarks
{
    private const string InsertSql =
        "INSERT INTO webhook_events (provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, next_attempt_at) " +
        "VALUES (@provider, @event_id, @event_type, @connection_id, @account_ref, @received_at, @headers, @body, 'pending', 0, @received_at) ON CONFLICT (provider, event_id) DO NOTHING";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(new string('x', 1024));
    private static readonly ProviderKey Stripe = ProviderKey.Parse("stripe");

    private ServiceProvider? _services;
    private IWebhookEventStore? _store;
    private Func<DbConnection>? _raw;
    private string? _cleanup;
    private long _next;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [Params(1, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (Store == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("mooring-bench-").FullName;
            var path = Path.Combine(dir, "bench.db");
            services.AddMooringSqliteStore(o => o.Path = path);
            _raw = () => new SqliteConnection($"Data Source={path};Pooling=True");
            _cleanup = dir;
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("MOORING_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("MOORING_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set MOORING_BENCH_POSTGRES to a PostgreSQL connection string (scripts/services.sh starts one).");
            var name = "mooring_bench_" + Guid.NewGuid().ToString("N")[..12];
            using (var c = new NpgsqlConnection(admin))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                cmd.ExecuteNonQuery();
            }

            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            services.AddMooringPostgresStore(o => o.ConnectionString = cs);
            _raw = () => new NpgsqlConnection(cs);
        }

        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _store = _services.GetRequiredService<IWebhookEventStore>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        if (_cleanup is not null)
        {
            Directory.Delete(_cleanup, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public async Task RawAdoNet()
    {
        await using var connection = _raw!();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = InsertSql;
        command.Transaction = transaction;
        var names = new[] { "@provider", "@event_id", "@event_type", "@connection_id", "@account_ref", "@received_at", "@headers", "@body" };
        foreach (var n in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
        }

        for (var i = 0; i < BatchSize; i++)
        {
            command.Parameters["@provider"].Value = "stripe";
            command.Parameters["@event_id"].Value = "evt_raw_" + Interlocked.Increment(ref _next);
            command.Parameters["@event_type"].Value = "invoice.paid";
            command.Parameters["@connection_id"].Value = DBNull.Value;
            command.Parameters["@account_ref"].Value = "acct_1";
            command.Parameters["@received_at"].Value = 1_764_000_000_000L;
            command.Parameters["@headers"].Value = """{"stripe-signature":"t=1,v1=abc"}""";
            command.Parameters["@body"].Value = Body;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [Benchmark(Description = "Mooring store")]
    public async Task MooringStore()
    {
        var events = new WebhookEventRecord[BatchSize];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new WebhookEventRecord
            {
                Provider = Stripe,
                EventId = "evt_m_" + Interlocked.Increment(ref _next),
                EventType = "invoice.paid",
                AccountRef = "acct_1",
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000L),
                Headers = new Dictionary<string, string> { ["stripe-signature"] = "t=1,v1=abc" },
                Body = Body,
            };
        }

        await _store!.AppendAsync(events, CancellationToken.None);
    }
}
