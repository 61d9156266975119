using System.CommandLine;
using Mooring.Sandbox;

namespace Mooring.Server.Cli;

/// <summary><c>mooring sandbox</c>: runs only the provider emulators on a loopback port, for tests in any language.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The loopback port to listen on (0 for a free one).", DefaultValueFactory = _ => 5090 };
        var seed = new Option<int>("--seed") { Description = "Seed for the emulated data and injected faults.", DefaultValueFactory = _ => 1 };
        var command = new Command("sandbox", "Run the provider emulators (Slack, Stripe, Google, GitHub, generic OAuth 2.0) on 127.0.0.1 until stopped.")
        {
            port,
            seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                await using var host = await SandboxHost.StartAsync(new SandboxOptions { Seed = parse.GetValue(seed) }, parse.GetValue(port), cancellationToken).ConfigureAwait(false);
                foreach (var (provider, address) in host.Addresses.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    await output.WriteLineAsync($"{provider,-8} {address}").ConfigureAwait(false);
                }

                await output.WriteLineAsync("Default OAuth client: sandbox-client / sandbox-secret. Stop with Ctrl+C.").ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                return StartupError.Report(ex, parse.InvocationConfiguration.Error);
            }

            return 0;
        });
        return command;
    }
}
