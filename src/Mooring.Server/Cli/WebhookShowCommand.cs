using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary><c>mooring webhooks show ID</c>: one event, its kept headers and body, and each forwarding delivery with its attempt log.</summary>
internal static class WebhookShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The event's id (from 'mooring webhooks list')." };
        return StoreCommand.Create("show", "Show one event: its state, kept headers, body and forwarding log.", [id], async (parse, services, console, ct) =>
        {
            if (await services.GetRequiredService<IWebhookEventStore>().GetAsync(parse.GetValue(id), ct).ConfigureAwait(false) is not { } e)
            {
                return CliError.Report(parse, WebhookEventRequest.NotFound(parse.GetValue(id)), 1);
            }

            console.Write(Details(e));
            console.WriteLine(Encoding.UTF8.GetString(e.Body));
            var deliveries = services.GetRequiredService<IWebhookDeliveryStore>();
            foreach (var d in await deliveries.ListAsync(e.Id, 100, ct).ConfigureAwait(false))
            {
                console.WriteLine($"delivery {d.Id} to {d.Target}: {Lower(d.Status)} after {d.Attempts} attempt(s)");
                foreach (var a in await deliveries.ListAttemptsAsync(d.Id, ct).ConfigureAwait(false))
                {
                    console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture, $"  attempt {a.Attempt} at {a.At:u}: HTTP {Code(a.StatusCode)} in {a.DurationMs:0.#} ms {a.Error}"));
                }
            }

            return 0;
        });
    }

    private static Grid Details(WebhookEventRecord e)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(name, Markup.Escape(value ?? string.Empty));
        Row("id", e.Id.ToString(CultureInfo.InvariantCulture));
        Row("provider", e.Provider.Value);
        Row("event id", e.EventId);
        Row("type", e.EventType);
        Row("connection", e.ConnectionId?.Value);
        Row("account", e.AccountRef);
        Row("status", Lower(e.Status));
        Row("attempts", e.Attempts.ToString(CultureInfo.InvariantCulture));
        Row("received", e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
        Row("next attempt", e.NextAttemptAt.ToString("O", CultureInfo.InvariantCulture));
        Row("last error", e.LastError);
        foreach (var (name, value) in e.Headers)
        {
            Row("header " + name, value);
        }

        return grid;
    }

    private static string Code(int? statusCode) => statusCode?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Lower<T>(T status)
        where T : struct, Enum => status.ToString().ToLowerInvariant();
}
