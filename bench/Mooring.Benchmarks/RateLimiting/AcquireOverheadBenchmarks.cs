using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.Benchmarks.RateLimiting;

/// <summary>
/// What an uncontended <see cref="IProviderRateLimiter.AcquireAsync"/> costs (local store, a limit never reached),
/// against a bare <see cref="TokenBucketRateLimiter"/> in the same run.
/// </summary>
[MemoryDiagnoser]
public class AcquireOverheadBenchmarks
{
    private static readonly ConnectionId Connection = ConnectionId.Parse("bench");

    private TokenBucketRateLimiter _bucket = null!;
    private IProviderRateLimiter _limiter = null!;
    private ProviderDefinition _provider = null!;
    private HttpRequestMessage _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1_000_000_000,
            TokensPerPeriod = 1_000_000_000,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
        _limiter = new ServiceCollection().AddLogging().AddMooringRateLimiting().BuildServiceProvider().GetRequiredService<IProviderRateLimiter>();
        _provider = new ProviderDefinition
        {
            Key = ProviderKey.Parse("bench"),
            ApiBaseUrl = new Uri("https://api.bench.invalid/"),
            RateLimits = new RateLimitPolicy { Buckets = [new RateLimitBucket { Name = "global", Limit = 1_000_000_000, Period = TimeSpan.FromSeconds(1) }] },
        };
        _request = new HttpRequestMessage(HttpMethod.Get, "https://api.bench.invalid/v1/items");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bucket.Dispose();
        _request.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask TokenBucketRateLimiter_AcquireAsync()
    {
        using var lease = await _bucket.AcquireAsync(1);
    }

    [Benchmark]
    public async ValueTask ProviderRateLimiter_AcquireAsync()
    {
        using var lease = await _limiter.AcquireAsync(_provider, Connection, _request, CallPriority.Interactive, CancellationToken.None);
    }
}
