using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mooring.Server.Hosting;

namespace Mooring.Server.Tests.Cli;

/// <summary>
/// A command's standard output is only its output, for scripts to read: its host logs warnings and errors, on standard
/// error, whatever the shipped appsettings.json sets for the server; <c>mooring serve</c> logs as configured.
/// </summary>
public sealed class CommandLoggingTests
{
    [Fact]
    public async Task StoreCommands_RunAsTheExecutableWithTheShippedSettings_PrintOnlyTheirOutputOnStandardOutput()
    {
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).ShouldContain("\"Default\": \"Information\"", customMessage: "the shipped settings this test runs under");
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });

        var migrate = await CliRun.RunExecutableAsync(["migrate", .. args]);
        var list = await CliRun.RunExecutableAsync(["webhooks", "list", .. args]);
        var verbose = await CliRun.RunExecutableAsync(["webhooks", "list", "--Logging:LogLevel:Default=Information", .. args]);

        migrate.ExitCode.ShouldBe(0, migrate.Output + migrate.Error);
        migrate.Output.Trim().ShouldStartWith("Schema is at version");
        migrate.Output.Trim().Split('\n').ShouldHaveSingleItem();
        list.ExitCode.ShouldBe(0, list.Output + list.Error);
        list.Output.ShouldContain("0 event(s).");
        foreach (var run in new[] { migrate, list, verbose })
        {
            run.Output.ShouldNotContain("info:");
            run.Output.ShouldNotContain("Microsoft.Hosting");
        }

        migrate.Error.ShouldNotContain("info:");
        list.Error.ShouldNotContain("info:");
        verbose.ExitCode.ShouldBe(0, verbose.Output + verbose.Error);
        verbose.Output.ShouldContain("0 event(s).");
        verbose.Error.ShouldContain("info: Microsoft.Hosting.Lifetime");
    }

    [Fact]
    public async Task StoreCommand_FailingAfterTheHostStarted_SaysSoInOneLine_WithoutCrashLogsOfTheHostsServices()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });

        var run = await CliRun.RunExecutableAsync(["sync", "list", "Not An Id", .. args]);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("mooring: ");
    }

    [Fact]
    public async Task CommandHost_LogsWarningsOnly_WhereTheServerLogsInformation()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() });
        using var command = ServerHost.BuildCommandHost(args);
        await using var server = ServerHost.BuildWebApp(args);

        var commandLogger = command.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mooring.Storage");
        var serverLogger = server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mooring.Storage");

        commandLogger.IsEnabled(LogLevel.Information).ShouldBeFalse();
        commandLogger.IsEnabled(LogLevel.Warning).ShouldBeTrue();
        serverLogger.IsEnabled(LogLevel.Information).ShouldBeTrue();
    }
}
