using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks deliveries replay --id N … | --all</c>: failed or dead forwarding deliveries back to pending, as
/// <c>POST /api/webhooks/deliveries/replay</c> does; the running server sends them again.
/// </summary>
internal static class WebhookDeliveriesCommand
{
    public static Command Create()
    {
        var deliveries = new Command("deliveries", "Replay events forwarded to the app that failed or were given up.");
        deliveries.Add(Replay());
        return deliveries;
    }

    private static Command Replay()
    {
        // An option rather than a list argument: a greedy argument would swallow the --Section:Key=value settings that follow.
        var ids = new Option<long[]>("--id") { Description = "A failed or dead delivery to replay (its id from 'mooring webhooks show'; repeat for several)." };
        var all = new Option<bool>("--all") { Description = "Replay every failed and dead delivery." };
        return StoreCommand.Create("replay", "Put failed or dead deliveries back in the outbox (the running server sends them).", [ids, all], async (parse, services, console, ct) =>
        {
            var chosen = (parse.GetValue(ids) ?? []).Distinct().ToArray();
            if (chosen.Length == 0 && !parse.GetValue(all))
            {
                return CliError.Report(parse, "Name the deliveries to replay with --id, or pass --all.", 2);
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var named = parse.GetValue(all) ? null : chosen;
            var replayed = await services.GetRequiredService<IWebhookDeliveryStore>().ReplayAsync(named, now, ct).ConfigureAwait(false);
            console.WriteLine($"Replayed {replayed} delivery(ies).");
            if (named is not null && replayed < named.Length)
            {
                return CliError.Report(parse, $"{named.Length - replayed} of the named deliveries do not exist or are not failed or dead.", 1);
            }

            return 0;
        });
    }
}
