using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mooring.Benchmarks.Outbound;

/// <summary>
/// Throughput of Mooring's outbound pipeline (connection lookup, credentials, Polly total timeout, retry, circuit
/// breaker and attempt timeout, request log, telemetry) against a raw <see cref="HttpClient"/> calling the same bare
/// Kestrel endpoint on loopback, in the same run: 32 concurrent GETs per operation. The ratio of the means is the
/// throughput ratio; allocations are per call (per operation / 32). A third client runs the same Polly strategies
/// around the raw handler and nothing else (<see cref="PollyReferenceHandler"/>): the floor of a Polly-based pipeline
/// on the day's machine.
/// </summary>
[Config(typeof(SteadyStateConfig))]
[MemoryDiagnoser]
public class OutboundPipelineBenchmarks
{
    private const int Concurrency = 32;

    private WebApplication? _upstream;
    private OutboundBenchServices? _mooring;
    private HttpClient? _raw;
    private HttpClient? _polly;

    /// <summary>Whether the pipeline writes the request log (to SQLite), as it does by default.</summary>
    [Params(true, false)]
    public bool RequestLog { get; set; } = true;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency, Description = "raw HttpClient")]
    public Task Raw() => Burst(_raw!);

    [Benchmark(OperationsPerInvoke = Concurrency, Description = "raw HttpClient + Polly")]
    public Task Polly() => Burst(_polly!);

    [Benchmark(OperationsPerInvoke = Concurrency, Description = "Mooring pipeline")]
    public Task Pipeline() => Burst(_mooring!.Client);

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw?.Dispose();
        _polly?.Dispose();
        _mooring!.Stop();
        _upstream!.DisposeAsync().AsTask().GetAwaiter().GetResult();
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

        _mooring = await OutboundBenchServices.StartAsync(baseUrl, RequestLog);

#pragma warning disable RS0030 // the baseline is the plain client an app would use without Mooring
        _raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseUrl };
#pragma warning restore RS0030
        _raw.DefaultRequestHeaders.Authorization = new("Bearer", OutboundBenchServices.ApiKey);
        _polly = new HttpClient(new PollyReferenceHandler()) { BaseAddress = baseUrl };
        _polly.DefaultRequestHeaders.Authorization = new("Bearer", OutboundBenchServices.ApiKey);
    }

    /// <summary>
    /// In process, with 20 warm-up iterations (about 10 s per case) before 20 measured ones: the pipeline's code reaches
    /// its final, profile-guided tier only after several seconds of calls, and 3 warm-ups measured partly unoptimised code.
    /// </summary>
    public sealed class SteadyStateConfig : ManualConfig
    {
        public SteadyStateConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(20));
    }
}
