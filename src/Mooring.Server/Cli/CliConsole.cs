using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// A Spectre console over the command's output: colours on a terminal, plain text when redirected or captured. Plain
/// text is as wide as its content needs: a table for a file or a pipe is not wrapped at 80 columns, so that each row
/// stays one line for grep and the like.
/// </summary>
internal static class CliConsole
{
    private const int UnwrappedWidth = 4096;

    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
