using System.Net;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Benchmarks.Connections;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Benchmarks.Outbound;

/// <summary>
/// Throughput of Mooring's outbound pipeline (connection lookup, credentials, Polly total timeout, retry, circuit
/// breaker and attempt timeout, request log, telemetry) against a raw <see cref="HttpClient"/> calling the same bare
/// Kestrel endpoint on loopback, in the same run: 32 concurrent GETs per operation. The ratio of the means is the
/// throughput ratio; allocations are per call (per operation / 32).
/// </summary>
[Config(typeof(TokenRefreshBenchmarks.InProcessConfig))]
[MemoryDiagnoser]
public class OutboundPipelineBenchmarks
{
    private const int Concurrency = 32;
    private const string ApiKey = "sk_bench_0123456789abcdef";

    private WebApplication? _upstream;
    private ServiceProvider? _mooring;
    private HttpClient? _raw;
    private HttpClient? _pipeline;
    private string? _directory;

    /// <summary>Whether the pipeline writes the request log (to SQLite), as it does by default.</summary>
    [Params(true, false)]
    public bool RequestLog { get; set; } = true;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency, Description = "raw HttpClient")]
    public Task Raw() => Burst(_raw!);

    [Benchmark(OperationsPerInvoke = Concurrency, Description = "Mooring pipeline")]
    public Task Pipeline() => Burst(_pipeline!);

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw?.Dispose();
        _pipeline?.Dispose();
        foreach (var hosted in _mooring!.GetServices<IHostedService>())
        {
            hosted.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _mooring!.Dispose();
        _upstream!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory!, recursive: true);
    }

    private static async Task Burst(HttpClient client)
    {
        var calls = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            calls[i] = CallAsync(client);
        }

        await Task.WhenAll(calls);
    }

    private static async Task CallAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("v1/items?limit=10", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _upstream = builder.Build();
        _upstream.MapGet("/v1/items", () => Results.Text("""{"object":"list","data":[{"id":"item_1"}],"has_more":false}""", "application/json"));
        await _upstream.StartAsync();
        var baseUrl = new Uri(_upstream.Urls.First() + "/");

        _directory = Directory.CreateTempSubdirectory("mooring-bench-outbound-").FullName;
        var path = Path.Combine(_directory, "bench.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mooring:Providers:upstream:displayName"] = "Upstream",
            ["Mooring:Providers:upstream:apiBaseUrl"] = baseUrl.AbsoluteUri,
            ["Mooring:Providers:upstream:authModes:0"] = "ApiKey",
            ["Mooring:Providers:upstream:apiKey:location"] = "Header",
            ["Mooring:Providers:upstream:apiKey:name"] = "Authorization",
            ["Mooring:Providers:upstream:apiKey:format"] = "Bearer {key}",
            ["Mooring:Outbound:RequestLog:Enabled"] = RequestLog ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMooringCore(o => o.Keys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        services.AddMooringSqliteStore(o => o.Path = path);
        services.AddMooringOutbound(configuration);
        _mooring = services.BuildServiceProvider();
        await _mooring.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        foreach (var hosted in _mooring.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None); // the request log writer
        }

        var id = ConnectionId.Parse("bench-upstream");
        await _mooring.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = id, Provider = ProviderKey.Parse("upstream"), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { ApiKey = ApiKey },
            CancellationToken.None);
        _pipeline = await _mooring.GetRequiredService<IProviderHttpClientFactory>().CreateClientAsync(id, CallPriority.Interactive, CancellationToken.None);

#pragma warning disable RS0030 // the baseline is the plain client an app would use without Mooring
        _raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseUrl };
#pragma warning restore RS0030
        _raw.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
    }
}
