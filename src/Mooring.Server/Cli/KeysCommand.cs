using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Security;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary><c>mooring keys generate | rotate | status</c>.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage the keys that encrypt secrets at rest.");
        keys.Add(Generate());
        keys.Add(WithHost("rotate", "Re-encrypt every stored secret under the active key (online, resumable). Retire old keys once it reports none left under them.", RotateAsync));
        keys.Add(WithHost("status", "Show how many stored secrets each key encrypts.", StatusAsync));
        return keys;
    }

    private static Command Generate()
    {
        var command = new Command("generate", "Print a new random encryption key and a new management API key, with the settings to use them.");
        command.SetAction(parse =>
        {
            var id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("# Encryption key (32 random bytes, base64). Keep it secret; losing it loses every stored token.");
            output.WriteLine($"Mooring__Encryption__Keys__{id}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            output.WriteLine($"Mooring__Encryption__ActiveKeyId={id}");
            output.WriteLine("# Management API key.");
            output.WriteLine($"Mooring__ManagementApiKeys__0=mk_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}");
            return 0;
        });
        return command;
    }

    private static Command WithHost(string name, string description, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
            StoreCommand.RunAsync(parse, sandbox: false, (services, ct) => action(services, parse, ct), cancellationToken));
        return command;
    }

    private static async Task<int> RotateAsync(IServiceProvider services, ParseResult parse, CancellationToken cancellationToken)
    {
        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var rotator = services.GetRequiredService<KeyRotator>();
        var progress = new Progress<long>(n => console.MarkupLine($"[grey]re-encrypted {n} secrets so far[/]"));
        var result = await rotator.RotateAsync(progress, cancellationToken).ConfigureAwait(false);
        console.MarkupLine($"Re-encrypted [green]{result.Reencrypted}[/] secrets under key [bold]{Markup.Escape(result.ActiveKeyId)}[/].");
        WriteCounts(console, result.RemainingByKey, result.ActiveKeyId);
        var leftover = result.RemainingByKey.Where(k => k.Key != result.ActiveKeyId && k.Value > 0).Sum(k => k.Value);
        if (leftover > 0)
        {
            return CliError.Report(parse, $"{leftover} secrets changed while rotating and are still under an old key; run 'mooring keys rotate' again.", 1);
        }

        console.MarkupLine("No secret is left under another key: old keys can be removed from the configuration.");
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, ParseResult parse, CancellationToken cancellationToken)
    {
        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var protector = services.GetRequiredService<ISecretProtector>();
        var counts = await services.GetRequiredService<ISecretStore>().CountByKeyAsync(cancellationToken).ConfigureAwait(false);
        WriteCounts(console, counts, protector.ActiveKeyId);
        return 0;
    }

    private static void WriteCounts(IAnsiConsole console, IReadOnlyDictionary<string, long> counts, string active)
    {
        var table = new Table().AddColumn("key id").AddColumn("secrets").AddColumn("active");
        foreach (var (key, count) in counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(key), count.ToString(System.Globalization.CultureInfo.InvariantCulture), key == active ? "yes" : string.Empty);
        }

        if (counts.Count == 0)
        {
            table.AddRow("(none)", "0", string.Empty);
        }

        console.Write(table);
    }
}
