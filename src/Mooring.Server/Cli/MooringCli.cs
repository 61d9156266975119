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
            SyncCommand.Create(),
            SandboxCommand.Create(),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
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
        if (parse.Errors.Count > 0)
        {
            // A usage error is a refusal too: the errors and the help that follows them go to standard error.
            config.Output = config.Error;
        }

        return parse.InvokeAsync(config);
    }
}
