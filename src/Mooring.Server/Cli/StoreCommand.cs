using System.CommandLine;
using Mooring.Server.Hosting;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// A command that works on the store through a short-lived host (no webhook workers, no sync scheduler): it binds the
/// same configuration as <c>serve</c>, with <c>--sandbox</c> for the sandbox's keys, and reports a failed start in one line.
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
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var host = ServerHost.BuildCommandHost(HostArgs.From(parse, parse.GetValue(Sandbox)));
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                var code = await action(parse, host.Services, CliConsole.For(parse.InvocationConfiguration.Output), cancellationToken).ConfigureAwait(false);
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
                return code;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return StartupError.Report(ex, parse.InvocationConfiguration.Error);
            }
        });
        return command;
    }
}
