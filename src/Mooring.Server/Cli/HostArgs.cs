using System.CommandLine;

namespace Mooring.Server.Cli;

/// <summary>The arguments handed to the ASP.NET Core configuration: what System.CommandLine did not claim.</summary>
internal static class HostArgs
{
    public static string[] From(ParseResult parse, bool sandbox)
    {
        var args = parse.UnmatchedTokens.ToList();
        if (sandbox)
        {
            // Before the caller's own arguments, so that an explicit --Mooring:Mode still wins.
            args.Insert(0, "--Mooring:Mode=Sandbox");
        }

        return [.. args];
    }
}
