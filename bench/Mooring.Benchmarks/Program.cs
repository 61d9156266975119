using BenchmarkDotNet.Running;

namespace Mooring.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/Mooring.Benchmarks -- --filter '*'</c>; with
/// <c>webhooks-host</c> first, the host that bench/webhooks-load.sh drives with wrk; with <c>sync</c> first, the sync
/// benchmark (see <see cref="Sync.SyncBenchmark"/>); with <c>ratelimit-pacing</c> first, the rate-limit pacing runs
/// (see bench/RESULTS.md); with
/// <c>outbound-loop</c> first, the outbound pipeline in a loop for a profiler.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "webhooks-host")
        {
            await Webhooks.WebhookLoadHost.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] is "sync" or "sync-sandbox")
        {
            await (args[0] == "sync" ? Sync.SyncBenchmark.RunAsync(args[1..]) : Sync.SyncSandboxProcess.HostAsync(args[1..]));
            return;
        }

        if (args.Length > 0 && args[0] == "ratelimit-pacing")
        {
            await RateLimiting.RateLimitPacingBench.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "outbound-loop")
        {
            await Outbound.OutboundPipelineLoop.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
