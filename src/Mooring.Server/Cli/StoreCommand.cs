using System.CommandLine;
using Mooring.Server.Hosting;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// A command that works on the store through a short-lived host (no webhook workers, no sync scheduler): it binds the
/// same configuration as <c>serve</c>, with <c>--sandbox</c> for the sandbox's keys, and reports a failure in one line.
/// </summary>
internal static class StoreCommand
{
    private static readonly Option<bool> Sandbox = new("--sandbox") { Description = "Use the sandbox keys kept in the data directory (as 'serve --sandbox' does)." };

    public static Command Create(string name, string description, Symbol[] symbols, Func<ParseResult, IServiceProvider, IAnsiConsole, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Add(option);
                    break;
                case Argument argument:
                    command.Add(argument);
                    break;
            }
        }

        command.Add(Sandbox);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse, parse.GetValue(Sandbox), (services, ct) => action(parse, services, CliConsole.For(parse.InvocationConfiguration.Output), ct), cancellationToken));
        return command;
    }

    /// <summary>Runs <paramref name="action"/> in a short-lived host on the store; a failure, to start or in the action, is one line on standard error.</summary>
    public static async Task<int> RunAsync(ParseResult parse, bool sandbox, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            using var host = ServerHost.BuildCommandHost(HostArgs.From(parse, sandbox));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await action(host.Services, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Also when the action failed: a host disposed while running cancels its background services under them,
                // and logs each as a crash with its stack trace after the one line that says what went wrong.
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StartupError.Report(ex, parse.InvocationConfiguration.Error);
        }
    }
}
