using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary><c>mooring migrate</c>: brings the store's schema up to date and exits (the server also does it at start).</summary>
internal static class MigrateCommand
{
    /// <summary>Built like the other store commands, so that <c>--sandbox</c> works here too.</summary>
    public static Command Create() =>
        StoreCommand.Create("migrate", "Apply the store's schema migrations and exit.", [], async (_, services, console, ct) =>
        {
            // The host's start-up service has migrated.
            var version = await services.GetRequiredService<IStoreMigrator>().GetVersionAsync(ct).ConfigureAwait(false);
            console.WriteLine($"Schema is at version {version.ToString(CultureInfo.InvariantCulture)}.");
            return 0;
        });
}
