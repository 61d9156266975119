using Mooring.Server.Cli;

namespace Mooring.Server.Tests;

/// <summary>Runs the mooring command line in process and captures what it prints.</summary>
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

    /// <summary>The error output's lines; a start-up failure is exactly one.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
