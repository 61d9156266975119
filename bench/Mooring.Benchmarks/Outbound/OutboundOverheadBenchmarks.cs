using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Benchmarks.Connections;
using Mooring.Outbound;

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

    private OutboundBenchServices? _mooring;
    private HttpClient? _raw;

    /// <summary>Whether the pipeline writes the request log (to SQLite), as it does by default.</summary>
    [Params(true, false)]
    public bool RequestLog { get; set; } = true;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "bare HttpClient, in-memory handler")]
    public Task Raw() => CallAsync(_raw!);

    [Benchmark(Description = "Mooring pipeline, in-memory handler")]
    public Task Pipeline() => CallAsync(_mooring!.Client);

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw?.Dispose();
        _mooring!.Stop();
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
        _mooring = await OutboundBenchServices.StartAsync(baseUrl, RequestLog, services =>
            services.AddHttpClient(OutboundConstants.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Answering()));
#pragma warning disable RS0030 // the baseline is a plain client over the same in-memory handler
        _raw = new HttpClient(new Answering()) { BaseAddress = baseUrl };
#pragma warning restore RS0030
        _raw.DefaultRequestHeaders.Authorization = new("Bearer", OutboundBenchServices.ApiKey);
    }

    /// <summary>Answers every request at once with a small JSON body.</summary>
    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Body) });
    }
}
