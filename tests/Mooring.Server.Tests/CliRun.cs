using System.Diagnostics;
using Mooring.Server.Cli;

namespace Mooring.Server.Tests;

/// <summary>Runs the mooring command line in process, or as the real executable, and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs with <paramref name="input"/> as standard input, as a shell pipe gives it.</summary>
    public static async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = await MooringCli.RunAsync(args, output, error, reader);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs <c>dotnet mooring.dll</c> as its own process, with the test's output folder as its content root and so the
    /// shipped appsettings.json: what a user's shell sees on standard output and standard error, the host's logs included.
    /// </summary>
    public static async Task<CliRun> RunExecutableAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mooring.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new CliRun(process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary>The error output's lines; a start-up failure is exactly one.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
