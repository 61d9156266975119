using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Benchmarks.Outbound;
using Mooring.Outbound;

namespace Mooring.Benchmarks.RateLimiting;

/// <summary>
/// Several callers that each loop over a Stripe connection's client (the whole pipeline: pacing, retries, request log)
/// for a duration on the real clock. Every request sent is counted by its answer, retries included, by a handler placed
/// innermost in the pipeline, where the provider's answers arrive before any retry sees them.
/// </summary>
internal static class PipelinePacingRun
{
    public static async Task<PacingResult> RunAsync(Uri stripeBaseUrl, string apiKey, string path, int callers, TimeSpan duration)
    {
        var answers = new AnswerCounter();
        var mooring = await OutboundBenchServices.StartBuiltInAsync("stripe", stripeBaseUrl, apiKey, requestLog: true,
            services => services.AddHttpClient(OutboundConstants.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(answers)));
        try
        {
            using var stop = new CancellationTokenSource(duration);
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, callers).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await mooring.Client.GetAsync(path, stop.Token);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }).ToArray();
            await Task.WhenAll(workers);
            return new PacingResult(answers.Of(200), answers.Of(429), answers.Of(0), clock.Elapsed);
        }
        finally
        {
            mooring.Stop();
        }
    }

    /// <summary>Answers by status: 200, 429, and every other status together (read as <c>Of(0)</c>).</summary>
    private sealed class AnswerCounter
    {
        private readonly long[] _counts = new long[3];

        public void Add(int status) => Interlocked.Increment(ref _counts[Slot(status)]);

        public long Of(int status) => Interlocked.Read(ref _counts[Slot(status)]);

        private static int Slot(int status) => status switch { 200 => 0, 429 => 1, _ => 2 };
    }

    private sealed class CountingHandler(AnswerCounter answers) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            answers.Add((int)response.StatusCode);
            return response;
        }
    }
}
