using System.Diagnostics;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Outbound.RateLimiting;
using Mooring.Providers;

namespace Mooring.Benchmarks.RateLimiting;

/// <summary>Several callers that each loop acquire → send → observe for a duration on the real clock; counts the answers.</summary>
internal static class PacingRun
{
    public static async Task<PacingResult> RunAsync(IProviderRateLimiter limiter, ProviderDefinition provider, HttpClient http, Func<HttpRequestMessage> request, int callers, TimeSpan duration)
    {
        var connection = ConnectionId.Parse("bench");
        long ok = 0, limited = 0, other = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var message = request();
                IDisposable lease;
                try
                {
                    lease = await limiter.AcquireAsync(provider, connection, message, CallPriority.Interactive, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                using (lease)
                {
                    using var response = await http.SendAsync(message, CancellationToken.None);
                    limiter.Observe(provider, connection, message, response);
                    switch ((int)response.StatusCode)
                    {
                        case 200:
                            Interlocked.Increment(ref ok);
                            break;
                        case 429:
                            Interlocked.Increment(ref limited);
                            break;
                        default:
                            Interlocked.Increment(ref other);
                            break;
                    }
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return new PacingResult(ok, limited, other, clock.Elapsed);
    }
}

/// <summary>How one pacing run went.</summary>
internal sealed record PacingResult(long Ok, long Limited, long Other, TimeSpan Elapsed)
{
    public long Calls => Ok + Limited + Other;

    /// <summary>The share of the quota (limit per second × seconds run) that was used by successful calls.</summary>
    public double QuotaUsed(int perSecond) => Ok / (perSecond * Elapsed.TotalSeconds);

    public double LimitedShare => Calls == 0 ? 0 : (double)Limited / Calls;
}
