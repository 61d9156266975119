using System.CommandLine;

namespace Mooring.Server.Cli;

/// <summary>The <c>mooring</c> command line.</summary>
internal static class MooringCli
{
    /// <param name="input">Standard input, for the commands that read a secret from it (<c>--token-stdin</c>).</param>
    public static RootCommand Create(TextReader input)
    {
        var root = new RootCommand("Mooring: connections to third-party APIs that hold fast. Run 'mooring serve --sandbox' to try it offline.")
        {
            ServeCommand.Create(),
            KeysCommand.Create(),
            MigrateCommand.Create(),
            WebhooksCommand.Create(input),
            RequestsCommand.Create(),
            SyncCommand.Create(),
            SandboxCommand.Create(),
        };
        return root;
    }

    /// <summary>The exit code of a usage error: what System.CommandLine cannot parse, as a command's refusal of bad input.</summary>
    private const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        var config = new InvocationConfiguration();
        if (output is not null)
        {
            config.Output = output;
        }

        if (error is not null)
        {
            config.Error = error;
        }

        // 'mooring' alone, or only configuration arguments, means 'mooring serve'.
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version"))
        {
            args = ["serve", .. args];
        }

        var parse = Create(input ?? Console.In).Parse(args);
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync(config).ConfigureAwait(false);
        }

        // A usage error is a refusal too: System.CommandLine's errors and the help that follows them go to standard
        // error, and the exit code is that of bad input (its own is 1, which the commands keep for 'not found').
        config.Output = config.Error;
        await parse.InvokeAsync(config).ConfigureAwait(false);
        return UsageError;
    }
}
