using System.CommandLine;
using Mooring.Server.Hosting;

namespace Mooring.Server.Cli;

/// <summary><c>mooring serve</c>: runs the server until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var sandbox = new Option<bool>("--sandbox") { Description = "Run with sandbox defaults: generated keys kept in the data directory, provider emulators mounted. Never with real credentials." };
        var command = new Command("serve", "Run the Mooring server (default http://127.0.0.1:5080). Any other --Section:Key=value argument is configuration.")
        {
            sandbox,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = HostArgs.From(parse, parse.GetValue(sandbox));
            try
            {
                await using var app = ServerHost.BuildWebApp(args);
                await app.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return StartupError.Report(ex, parse.InvocationConfiguration.Error);
            }
        });
        return command;
    }
}
