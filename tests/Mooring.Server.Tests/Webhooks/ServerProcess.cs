using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>The real <c>mooring</c> server as its own process (<c>dotnet mooring.dll serve …</c>), which a test can SIGKILL.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ServerProcess> StartAsync(int port, IEnumerable<string> settings)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "mooring.dll"), "serve", "--sandbox", "--urls", url }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await WebhookApp.EventuallyAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"mooring exited with {process.ExitCode} at start.");
                }

                try
                {
                    return (await http.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            seconds: 60);
        return server;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no drain.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
