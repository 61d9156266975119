using System.CommandLine;

namespace Mooring.Server.Cli;

/// <summary>
/// What a command refuses or could not do, one line each on standard error starting with <c>mooring:</c>, as a failed
/// start is: standard output keeps only the command's output, for scripts to read, and the exit code says what went wrong.
/// </summary>
internal static class CliError
{
    /// <summary>Says <paramref name="message"/> on standard error and returns <paramref name="exitCode"/>.</summary>
    public static int Report(ParseResult parse, string message, int exitCode)
    {
        Write(parse, message);
        return exitCode;
    }

    /// <summary>Says <paramref name="message"/> on standard error, where more may follow before the exit code.</summary>
    public static void Write(ParseResult parse, string message) => Write(parse.InvocationConfiguration.Error, message);

    public static void Write(TextWriter error, string message) => error.WriteLine("mooring: " + message);
}
