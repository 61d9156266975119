using Mooring.Server.Cli;

namespace Mooring.Server;

/// <summary>The <c>mooring</c> executable.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => MooringCli.RunAsync(args);
}
