using System.Diagnostics;
using System.Net.Http.Json;
using Mooring.Sandbox;

namespace Mooring.Benchmarks.Sync;

/// <summary>
/// The sandbox as its own process (<c>sync-sandbox COUNT</c>), so that the synced side's memory is measured alone; the
/// parent starts it, reads its address from the first line it prints, and moves its data on over <c>/_sandbox</c>.
/// </summary>
internal sealed class SyncSandboxProcess : IDisposable
{
    private readonly Process _process;

    private SyncSandboxProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task HostAsync(string[] args)
    {
        var options = new SandboxOptions { Seed = 5 };
        options.RateLimits.Enabled = false;
        options.Data.StripeCustomers = long.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        options.Data.ChangeRetention = 1_000_000;
        await using var sandbox = await SandboxHost.StartAsync(options);
        Console.WriteLine(sandbox.BaseAddress);
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task<SyncSandboxProcess> StartAsync(long customers)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(SyncSandboxProcess).Assembly.Location);
        start.ArgumentList.Add("sync-sandbox");
        start.ArgumentList.Add(customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process did not start.");
        return new SyncSandboxProcess(process, new Uri(line));
    }

    public async Task AdvanceAsync(int changes)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        (await http.PostAsJsonAsync("_sandbox/data/advance", new { changes })).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
