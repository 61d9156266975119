using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
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
/// The CPU cost and allocations of the outbound pipeline alone: one call at a time through the pipeline and through
/// a bare <see cref="HttpClient"/>, both over an in-memory handler that answers at once (no sockets, no server).
/// The difference of the means is what the pipeline adds to each call. For profiling; issue 5's figure is
/// <see cref="OutboundPipelineBenchmarks"/> on loopback.
/// </summary>
[Config(typeof(TokenRefreshBenchmarks.InProcessConfig))]
[MemoryDiagnoser]
public class OutboundOverheadBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object":"list","data":[{"id":"item_1"}],"has_more":false}""");
    private static readonly Uri Path = new("v1/items?limit=10", UriKind.Relative);

    private ServiceProvider? _mooring;
    private HttpClient? _raw;
    private HttpClient? _pipeline;
    private string? _directory;

    /// <summary>Whether the pipeline writes the request log (to SQLite), as it does by default.</summary>
    [Params(true, false)]
    public bool RequestLog { get; set; } = true;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "bare HttpClient, in-memory handler")]
    public Task Raw() => CallAsync(_raw!);

    [Benchmark(Description = "Mooring pipeline, in-memory handler")]
    public Task Pipeline() => CallAsync(_pipeline!);

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
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory!, recursive: true);
    }

    private static async Task CallAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private async Task SetupAsync()
    {
        var baseUrl = new Uri("http://127.0.0.1:9/");
        _directory = Directory.CreateTempSubdirectory("mooring-bench-overhead-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mooring:Providers:upstream:displayName"] = "Upstream",
            ["Mooring:Providers:upstream:apiBaseUrl"] = baseUrl.AbsoluteUri,
            ["Mooring:Providers:upstream:authModes:0"] = "ApiKey",
            ["Mooring:Providers:upstream:apiKey:location"] = "Header",
            ["Mooring:Providers:upstream:apiKey:name"] = "Authorization",
            ["Mooring:Providers:upstream:apiKey:format"] = "Bearer {key}",
            ["Mooring:Outbound:RequestLog:Enabled"] = RequestLog ? "true" : "false",
        }).AddEnvironmentVariables("MOORING_BENCH_").Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMooringCore(o => o.Keys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        services.AddMooringSqliteStore(o => o.Path = System.IO.Path.Combine(_directory, "bench.db"));
        services.AddMooringOutbound(configuration);
        services.AddHttpClient(OutboundConstants.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Answering());
        _mooring = services.BuildServiceProvider();
        await _mooring.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        foreach (var hosted in _mooring.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var id = ConnectionId.Parse("bench-upstream");
        await _mooring.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = id, Provider = ProviderKey.Parse("upstream"), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { ApiKey = "sk_bench_0123456789abcdef" },
            CancellationToken.None);
        _pipeline = await _mooring.GetRequiredService<IProviderHttpClientFactory>().CreateClientAsync(id, CallPriority.Interactive, CancellationToken.None);
#pragma warning disable RS0030 // the baseline is a plain client over the same in-memory handler
        _raw = new HttpClient(new Answering()) { BaseAddress = baseUrl };
#pragma warning restore RS0030
        _raw.DefaultRequestHeaders.Authorization = new("Bearer", "sk_bench_0123456789abcdef");
    }

    /// <summary>Answers every request at once with a small JSON body.</summary>
    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Body) });
    }
}
