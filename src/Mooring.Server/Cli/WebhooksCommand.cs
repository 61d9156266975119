using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mooring.Connections;
using Mooring.Server.Hosting;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary><c>mooring webhooks list | show | replay</c>: the webhook inbox, read and replayed straight from the store.</summary>
internal static class WebhooksCommand
{
    public static Command Create()
    {
        var webhooks = new Command("webhooks", "Inspect and replay received webhook events.");
        webhooks.Add(List());
        webhooks.Add(Show());
        webhooks.Add(Replay());
        return webhooks;
    }

    private static Command List()
    {
        var provider = new Option<string?>("--provider") { Description = "Only this provider's events." };
        var status = new Option<string?>("--status") { Description = "Only events in these states (comma-separated: pending, processing, completed, failed, dead)." };
        var type = new Option<string?>("--type") { Description = "Only events of this type." };
        var limit = new Option<int>("--limit") { Description = "The most to show (1 to 1000).", DefaultValueFactory = _ => 50 };
        return StoreCommand.Create("list", "List received events, newest first.", [provider, status, type, limit], async (parse, services, console, ct) =>
        {
            var query = new WebhookEventQuery { EventType = parse.GetValue(type), Limit = Math.Clamp(parse.GetValue(limit), 1, 1000) };
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
            return 0;
        });
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "The event's id (from 'mooring webhooks list')." };
        return StoreCommand.Create("show", "Show one event: its state, kept headers, body and forwarding log.", [id], async (parse, services, console, ct) =>
        {
            if (await services.GetRequiredService<IWebhookEventStore>().GetAsync(parse.GetValue(id), ct).ConfigureAwait(false) is not { } e)
            {
                console.WriteLine($"There is no webhook event {parse.GetValue(id)}.");
                return 1;
            }

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string? value) => grid.AddRow(name, Markup.Escape(value ?? string.Empty));
            Row("id", e.Id.ToString(CultureInfo.InvariantCulture));
            Row("provider", e.Provider.Value);
            Row("event id", e.EventId);
            Row("type", e.EventType);
            Row("connection", e.ConnectionId?.Value);
            Row("account", e.AccountRef);
            Row("status", e.Status.ToString().ToLowerInvariant());
            Row("attempts", e.Attempts.ToString(CultureInfo.InvariantCulture));
            Row("received", e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
            Row("next attempt", e.NextAttemptAt.ToString("O", CultureInfo.InvariantCulture));
            Row("last error", e.LastError);
            foreach (var (name, value) in e.Headers)
            {
                Row("header " + name, value);
            }

            console.Write(grid);
            console.WriteLine(Encoding.UTF8.GetString(e.Body));
            foreach (var d in await services.GetRequiredService<IWebhookDeliveryStore>().ListAsync(e.Id, 100, ct).ConfigureAwait(false))
            {
                console.WriteLine($"forwarded to {d.Target}: {d.Status.ToString().ToLowerInvariant()} after {d.Attempts} attempt(s), last HTTP {d.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} {d.LastError}");
            }

            return 0;
        });
    }

    private static Command Replay()
    {
        // An option rather than a list argument: a greedy argument would swallow the --Section:Key=value settings that follow.
        var ids = new Option<long[]>("--id") { Description = "A failed or dead event to replay (repeat for several)." };
        var all = new Option<bool>("--all") { Description = "Replay every failed and dead event." };
        return StoreCommand.Create("replay", "Put failed or dead events back in the queue (the running server processes them).", [ids, all], async (parse, services, console, ct) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 && !parse.GetValue(all))
            {
                console.WriteLine("Name the events to replay with --id, or pass --all.");
                return 2;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var replayed = await services.GetRequiredService<IWebhookEventStore>().ReplayAsync(parse.GetValue(all) ? null : chosen, now, ct).ConfigureAwait(false);
            console.WriteLine($"Replayed {replayed} event(s).");
            return 0;
        });
    }

    private static WebhookEventStatus ParseStatus(string text) =>
        Enum.TryParse<WebhookEventStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new ArgumentException($"--status: '{text}' is not one of pending, processing, completed, failed, dead.");
}
