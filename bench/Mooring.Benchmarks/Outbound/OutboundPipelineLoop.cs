using System.Diagnostics;
using System.Globalization;

namespace Mooring.Benchmarks.Outbound;

/// <summary>
/// The bursts of <see cref="OutboundPipelineBenchmarks"/> in a loop for a given time, for a profiler to attach to
/// (<c>outbound-loop SECONDS pipeline|raw [log|nolog] [memory]</c>; <c>memory</c>: one call at a time over the in-memory handler of <see cref="OutboundOverheadBenchmarks"/>); prints calls per second.
/// </summary>
public static class OutboundPipelineLoop
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var raw = args.Length > 1 && args[1] == "raw";
        var log = args.Length > 2 && args[2] == "log";
        var memory = args.Length > 3 && args[3] == "memory";
        if (memory)
        {
            var overhead = new OutboundOverheadBenchmarks { RequestLog = log };
            overhead.Setup();
            var watch = Stopwatch.StartNew();
            var calls = 0L;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                await (raw ? overhead.Raw() : overhead.Pipeline());
                calls++;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(raw ? "raw" : "pipeline")} in memory: {calls} calls, {watch.Elapsed.TotalMicroseconds / calls:0.00} us/call, GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() / (double)calls:0} B/call, CPU {Environment.CpuUsage.TotalTime.TotalMilliseconds:0} ms"));
            overhead.Cleanup();
            return;
        }

        var bench = new OutboundPipelineBenchmarks { RequestLog = log };
        bench.Setup();
        try
        {
            // A third of the time warms up (JIT tiering, pools); the rest is measured: wall time, the process's CPU (the
            // server's included) and allocations per call.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed.TotalSeconds < seconds / 3)
            {
                await (raw ? bench.Raw() : bench.Pipeline());
            }

            var (cpu, allocated) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes());
            var clock = Stopwatch.StartNew();
            var bursts = 0L;
            while (clock.Elapsed.TotalSeconds < seconds * 2 / 3)
            {
                await (raw ? bench.Raw() : bench.Pipeline());
                bursts++;
            }

            var calls = bursts * 32.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(raw ? "raw" : "pipeline")}: {calls} calls, {clock.Elapsed.TotalMicroseconds / calls:0.0} us/call, process CPU {(Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls:0.0} us/call, allocated {(GC.GetTotalAllocatedBytes() - allocated) / calls:0} B/call"));
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
