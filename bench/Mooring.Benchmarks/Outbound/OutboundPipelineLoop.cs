using System.Diagnostics;
using System.Globalization;

namespace Mooring.Benchmarks.Outbound;

/// <summary>
/// The bursts of <see cref="OutboundPipelineBenchmarks"/> in a loop for a given time (45 s or more for steady state: a
/// third of it warms up, and the pipeline's code takes several seconds to reach its final tier), for a profiler to attach to
/// (<c>outbound-loop SECONDS pipeline|raw|polly [log|nolog] [memory]</c>, <c>polly</c> being the raw client with Polly's strategies only; <c>memory</c>: one call at a time over the in-memory handler of <see cref="OutboundOverheadBenchmarks"/>); prints calls per second.
/// </summary>
public static class OutboundPipelineLoop
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var mode = args.Length > 1 ? args[1] : "pipeline";
        var raw = mode == "raw";
        var log = args.Length > 2 && args[2] == "log";
        var memory = args.Length > 3 && args[3] == "memory";
        if (memory)
        {
            var overhead = new OutboundOverheadBenchmarks { RequestLog = log };
            overhead.Setup();
            try
            {
                await MeasureAsync($"{(raw ? "raw" : "pipeline")} in memory", seconds, 1, () => raw ? overhead.Raw() : overhead.Pipeline());
            }
            finally
            {
                overhead.Cleanup();
            }

            return;
        }

        var bench = new OutboundPipelineBenchmarks { RequestLog = log };
        bench.Setup();
        try
        {
            await MeasureAsync(mode, seconds, 32, mode switch
            {
                "raw" => bench.Raw,
                "polly" => bench.Polly,
                _ => bench.Pipeline,
            });
        }
        finally
        {
            bench.Cleanup();
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> for a third of <paramref name="seconds"/> to warm up (JIT tiering, pools), then
    /// for the rest, and prints wall time, the process's CPU (a loopback server's and the request log writer's included)
    /// and allocations per call.
    /// </summary>
    private static async Task MeasureAsync(string name, double seconds, int callsPerOperation, Func<Task> operation)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < seconds / 3)
        {
            await operation();
        }

        var (cpu, allocated, gcs) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(1));
        var clock = Stopwatch.StartNew();
        var operations = 0L;
        while (clock.Elapsed.TotalSeconds < seconds * 2 / 3)
        {
            await operation();
            operations++;
        }

        var calls = operations * (double)callsPerOperation;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {calls} calls, {clock.Elapsed.TotalMicroseconds / calls:0.0} us/call, process CPU {(Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls:0.0} us/call, allocated {(GC.GetTotalAllocatedBytes() - allocated) / calls:0} B/call, gen1 GCs {GC.CollectionCount(1) - gcs}"));
    }
}
