namespace Mooring.Server.Tests.Cli;

/// <summary>What System.CommandLine cannot parse is a usage error: its words and the help on standard error, exit code 2.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("abc", "sync", "runs", "stripe-cli", "stripe-customers", "--limit", "abc")]
    [InlineData("connection", "sync", "list")]
    [InlineData("model", "sync", "trigger", "stripe-cli")]
    [InlineData("abc", "webhooks", "show", "abc")]
    [InlineData("frobnicate", "frobnicate")]
    public async Task UnparsableArguments_ExitTwo_NamingWhatIsWrongOnStandardError(string named, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.Output + run.Error);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain(named);
        run.Error.ShouldContain("Usage:");
    }
}
