namespace Mooring.Server.Tests.Cli;

/// <summary><c>mooring migrate</c> takes the store commands' options, <c>--sandbox</c> included.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_InSandboxMode_MigratesWithTheSandboxKeys()
    {
        var run = await CliRun.RunAsync("migrate", "--sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("Schema is at version ");
        run.Error.ShouldBeEmpty();
    }
}
