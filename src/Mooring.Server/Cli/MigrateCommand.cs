using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Storage;

namespace Mooring.Server.Cli;

/// <summary><c>mooring migrate</c>: brings the store's schema up to date and exits (the server also does it at start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the store's schema migrations and exit.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(
            parse,
            sandbox: false,
            async (services, ct) =>
            {
                // The host's start-up service has migrated.
                var version = await services.GetRequiredService<IStoreMigrator>().GetVersionAsync(ct).ConfigureAwait(false);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Schema is at version {version}.").ConfigureAwait(false);
                return 0;
            },
            cancellationToken));
        return command;
    }
}
