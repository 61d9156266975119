using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks replay --id N … | --all</c>: failed or dead events back in the queue. As the API answers 404 or 409,
/// an id that does not exist or is not failed or dead is named with the reason and makes the exit code 1 (the others are replayed).
/// </summary>
internal static class WebhookReplayCommand
{
    public static Command Create()
    {
        // An option rather than a list argument: a greedy argument would swallow the --Section:Key=value settings that follow.
        var ids = new Option<long[]>("--id") { Description = "A failed or dead event to replay (repeat for several)." };
        var all = new Option<bool>("--all") { Description = "Replay every failed and dead event." };
        return StoreCommand.Create("replay", "Put failed or dead events back in the queue (the running server processes them).", [ids, all], async (parse, services, console, ct) =>
        {
            var chosen = (parse.GetValue(ids) ?? []).Distinct().ToArray();
            if (chosen.Length == 0 && !parse.GetValue(all))
            {
                return CliError.Report(parse, "Name the events to replay with --id, or pass --all.", 2);
            }

            var store = services.GetRequiredService<IWebhookEventStore>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (parse.GetValue(all))
            {
                console.WriteLine($"Replayed {await store.ReplayAsync(null, now, ct).ConfigureAwait(false)} event(s).");
                return 0;
            }

            var replayable = new List<long>();
            foreach (var id in chosen)
            {
                var found = await store.GetAsync(id, ct).ConfigureAwait(false);
                if (found is not null && WebhookEventRequest.IsReplayable(found))
                {
                    replayable.Add(id);
                }
                else
                {
                    CliError.Write(parse, found is null ? WebhookEventRequest.NotFound(id) : WebhookEventRequest.NotReplayable(found));
                }
            }

            var replayed = replayable.Count == 0 ? 0 : await store.ReplayAsync(replayable, now, ct).ConfigureAwait(false);
            console.WriteLine($"Replayed {replayed} event(s).");
            return replayable.Count == chosen.Length ? 0 : 1;
        });
    }
}
