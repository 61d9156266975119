using Microsoft.Extensions.Options;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.Server.Cli;

/// <summary>Turns what stops a start into one line naming the problem and the fix, and an exit code.</summary>
internal static class StartupError
{
    public const int Configuration = 2;
    public const int Store = 3;
    public const int Secrets = 4;
    public const int Network = 5;
    public const int Unexpected = 1;

    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = Describe(exception);
        CliError.Write(error, OneLine(message));
        return code;
    }

    private static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        OptionsValidationException ex => (Configuration, "invalid configuration: " + string.Join(" ", ex.Failures)),
        StoreException ex => (Store, ex.Message),
        SecretProtectionException ex => (Secrets, ex.Message),
        InvalidOperationException ex when ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            (Configuration, "invalid configuration: " + ex.Message),
        IOException ex when ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            (Network, ex.Message + " Stop the other process or choose another address with --urls (for example --urls http://127.0.0.1:5081)."),
        AggregateException { InnerExceptions.Count: 1 } ex => Describe(ex.InnerExceptions[0]),
        _ => (Unexpected, $"{exception.GetType().Name}: {exception.Message}"),
    };

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
