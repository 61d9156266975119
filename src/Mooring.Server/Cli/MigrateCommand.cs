using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Server.Hosting;
using Mooring.Storage;

namespace Mooring.Server.Cli;

/// <summary><c>mooring migrate</c>: brings the store's schema up to date and exits (the server also does it at start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the store's schema migrations and exit.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var host = ServerHost.BuildCommandHost(HostArgs.From(parse, sandbox: false));
                await host.StartAsync(cancellationToken).ConfigureAwait(false); // the start-up service migrates
                var version = await host.Services.GetRequiredService<IStoreMigrator>().GetVersionAsync(cancellationToken).ConfigureAwait(false);
                parse.InvocationConfiguration.Output.WriteLine($"Schema is at version {version}.");
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
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
