using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.AspNetCore.Webhooks;
using Mooring.Server.Hosting;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks list | show | replay | deliveries replay | channels …</c>: the webhook inbox and its forwarding
/// outbox, read and replayed straight from the store, and the Google push channels, with what the management API
/// (<c>/api/webhooks</c>) offers, with its checks and words (<see cref="WebhookEventRequest"/>): where it answers 400 the
/// exit code is 2, where it answers 404 or 409 it is 1.
/// </summary>
internal static class WebhooksCommand
{
    public static Command Create(TextReader input)
    {
        var webhooks = new Command("webhooks", "Inspect and replay received webhook events; manage Google push channels.");
        webhooks.Add(List());
        webhooks.Add(WebhookShowCommand.Create());
        webhooks.Add(WebhookReplayCommand.Create());
        webhooks.Add(WebhookDeliveriesCommand.Create());
        webhooks.Add(WebhookChannelsCommand.Create(input));
        return webhooks;
    }

    private static Command List()
    {
        var provider = new Option<string?>("--provider") { Description = "Only this provider's events." };
        var status = new Option<string?>("--status") { Description = "Only events in these states (comma-separated: pending, processing, completed, failed, dead)." };
        var type = new Option<string?>("--type") { Description = "Only events of this type." };
        var limit = new Option<int>("--limit") { Description = "The most to show (1 to 1000; 50 if omitted).", DefaultValueFactory = _ => 50 };
        var before = new Option<long?>("--before") { Description = "Only events with an id below this one: the next page, from the id the previous one printed." };
        return StoreCommand.Create("list", "List received events, newest first.", [provider, status, type, limit, before], async (parse, services, console, ct) =>
        {
            if (!WebhookEventRequest.TryQuery(
                parse.GetValue(provider), parse.GetValue(status), parse.GetValue(type), parse.GetValue(before), parse.GetValue(limit), out var query, out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            var events = await services.GetRequiredService<IWebhookEventStore>().ListAsync(query, ct).ConfigureAwait(false);
            var table = new Table().AddColumns("id", "provider", "event id", "type", "status", "attempts", "received", "last error");
            foreach (var e in events)
            {
                table.AddRow(
                    e.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Provider.Value), Markup.Escape(e.EventId), Markup.Escape(e.EventType ?? string.Empty),
                    e.Status.ToString().ToLowerInvariant(), e.Attempts.ToString(CultureInfo.InvariantCulture), e.ReceivedAt.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(e.LastError ?? string.Empty));
            }

            console.Write(table);
            console.WriteLine($"{events.Count} event(s).");
            if (events.Count == query.Limit)
            {
                console.WriteLine($"More may follow: --before {events[^1].Id.ToString(CultureInfo.InvariantCulture)}");
            }

            return 0;
        });
    }
}
