using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks list | show | replay | deliveries replay | channels …</c>: the webhook inbox and its forwarding
/// outbox, read and replayed straight from the store, and the Google push channels, with what the management API
/// (<c>/api/webhooks</c>) offers.
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
        var limit = new Option<int>("--limit") { Description = "The most to show (1 to 1000).", DefaultValueFactory = _ => 50 };
        var before = new Option<long?>("--before") { Description = "Only events with an id below this one: the next page, from the id the previous one printed." };
        return StoreCommand.Create("list", "List received events, newest first.", [provider, status, type, limit, before], async (parse, services, console, ct) =>
        {
            var query = new WebhookEventQuery { EventType = parse.GetValue(type), Before = parse.GetValue(before), Limit = Math.Clamp(parse.GetValue(limit), 1, 1000) };
            if (parse.GetValue(provider) is { } key)
            {
                query = query with { Provider = ProviderKey.Parse(key) };
            }

            if (parse.GetValue(status) is { } statuses)
            {
                query = query with { Statuses = [.. statuses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseStatus)] };
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

    private static WebhookEventStatus ParseStatus(string text) =>
        Enum.TryParse<WebhookEventStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new ArgumentException($"--status: '{text}' is not one of pending, processing, completed, failed, dead.");
}
