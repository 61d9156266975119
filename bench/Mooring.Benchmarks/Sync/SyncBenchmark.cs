using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync;

namespace Mooring.Benchmarks.Sync;

/// <summary>
/// <c>sync COUNT sqlite|postgres [ADMIN_CONNECTION_STRING]</c>: a full sync of COUNT Stripe customers from a sandbox
/// process into a fresh store, then an incremental sync after 1 % of them changed; prints records/s, peak working set
/// and peak GC heap of this process (the synced side only), and how much the incremental run read.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = long.Parse(args[0], CultureInfo.InvariantCulture);
        var store = args[1];
        using var sandbox = await SyncSandboxProcess.StartAsync(count);
        var settings = new Dictionary<string, string?>
        {
            ["Mooring:Mode"] = "Production",
            ["Mooring:DataDirectory"] = Directory.CreateTempSubdirectory("mooring-bench-sync-").FullName,
            ["Mooring:Encryption:Keys:k1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Mooring:ManagementApiKeys:0"] = "bench-management-key-0123456789abcdef0123",
            ["Mooring:Sync:SchedulerEnabled"] = "false",
            ["Mooring:Sync:BuiltIns"] = "true",
            ["Mooring:Providers:stripe:apiBaseUrl"] = new Uri(sandbox.Address, "stripe/").AbsoluteUri,
            ["Mooring:StorageProvider"] = store,
        };
        if (store == "postgres")
        {
            settings["Mooring:Storage:Postgres:ConnectionString"] = await Webhooks.WebhookLoadHost.CreateDatabaseAsync(args[2]);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMooring(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var connection = await host.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, ApiKey = "sk_test_sandbox" }, CancellationToken.None);
        var sync = host.Services.GetRequiredService<ISyncManager>();
        await sandbox.AdvanceAsync(1); // an account with a past: the feed position captured before the full pass is an event id

        using var peak = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var full = await sync.RunAsync(connection.Id, "stripe-customers", new SyncRunRequest(SyncRunKind.Full), CancellationToken.None) ?? throw new InvalidOperationException("No run.");
        var fullTime = clock.Elapsed;
        var (workingSet, heap) = peak.Stop();
        Require(full, count);

        var changes = (int)(count / 100);
        await sandbox.AdvanceAsync(changes);
        clock.Restart();
        var incremental = await sync.RunAsync(connection.Id, "stripe-customers", new SyncRunRequest(SyncRunKind.Incremental), CancellationToken.None) ?? throw new InvalidOperationException("No run.");
        var incrementalTime = clock.Elapsed;
        var stored = await host.Services.GetRequiredService<ISyncRecordStore>().CountAsync(connection.Id, "stripe-customers", CancellationToken.None);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store={store} records={count} full: {fullTime.TotalSeconds:F1} s, {count / fullTime.TotalSeconds:F0} records/s, {full.Pages} pages, peak working set {workingSet / 1048576.0:F0} MiB, peak GC heap {heap / 1048576.0:F0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store={store} records={count} incremental after {changes} changes: {incrementalTime.TotalSeconds:F1} s, {incremental.Status}, {incremental.Pages} pages ({incremental.Pages * 100.0 / full.Pages:F2} % of the full pass's), added {incremental.Added}, updated {incremental.Updated}, deleted {incremental.Deleted}; {stored} live records"));
        await host.StopAsync();
    }

    private static void Require(SyncRunRecord run, long count)
    {
        if (run.Status != SyncRunStatus.Succeeded || Math.Abs(run.Added - count) > 1) // the one change made before may create or delete one
        {
            throw new InvalidOperationException($"The full sync ended {run.Status} with {run.Added} of {count} records: {run.Error}");
        }
    }

    /// <summary>Samples this process's working set and GC heap every 50 ms until stopped, keeping the peaks.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _workingSet;
        private long _heap;

        public PeakMemory() => _sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _workingSet = Math.Max(_workingSet, process.WorkingSet64);
                _heap = Math.Max(_heap, GC.GetGCMemoryInfo().HeapSizeBytes);
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        public (long WorkingSet, long Heap) Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            return (_workingSet, _heap);
        }

        public void Dispose() => _stop.Dispose();
    }
}
