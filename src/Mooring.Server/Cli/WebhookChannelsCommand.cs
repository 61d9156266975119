using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Storage;
using Mooring.Webhooks;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks channels list | show | add | watch | remove</c>: the registered Google push channels, through the same
/// registry and the same checks as <c>/api/webhooks/channels</c>. Where the API answers 400 the exit code is 2, where it
/// answers 404 or 409 it is 1, with the API's words on standard error.
/// </summary>
internal static class WebhookChannelsCommand
{
    public static Command Create(TextReader input)
    {
        var channels = new Command("channels", "Register, open, list, show and remove Google push channels.");
        channels.Add(List());
        channels.Add(Show());
        channels.Add(WebhookChannelAddCommand.Create(input));
        channels.Add(WebhookChannelWatchCommand.Create());
        channels.Add(Remove());
        return channels;
    }

    /// <summary>A channel's fields; the token never, only whether the channel has its own.</summary>
    public static Grid Details(WebhookChannelRecord channel)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(name, Markup.Escape(value));
        Row("provider", channel.Provider.Value);
        Row("channel id", channel.ChannelId);
        Row("connection", channel.ConnectionId.Value);
        Row("expires", channel.ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
        Row("own token", OwnToken(channel));
        Row("opened by Mooring", channel.Managed ? $"yes, on calendar '{channel.CalendarId}', renewed before it expires" : "no");
        Row("created", channel.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        return grid;
    }

    /// <summary>One line as it is, on standard output: Spectre's console would wrap it at 80 columns when the output is not a terminal.</summary>
    public static void Say(ParseResult parse, string line) => parse.InvocationConfiguration.Output.WriteLine(line);

    private static Command List()
    {
        var provider = new Option<string?>("--provider") { Description = "The provider whose channels to list, such as google-calendar (required)." };
        var connection = new Option<string?>("--connection") { Description = "Only the channels of this connection." };
        var after = new Option<string?>("--after") { Description = "Only channel ids after this one: the next page, from the id the previous one printed." };
        var limit = new Option<int?>("--limit") { Description = "The most to show (1 to 1000; 100 if omitted)." };
        return StoreCommand.Create("list", "List a provider's registered channels, by channel id.", [provider, connection, after, limit], async (parse, services, console, ct) =>
        {
            if (!WebhookChannelRequest.TryQuery(parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(after), parse.GetValue(limit), out var query, out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            var channels = await services.GetRequiredService<IWebhookChannelRegistry>().ListAsync(query, ct).ConfigureAwait(false);
            var table = new Table().AddColumns("channel id", "connection", "expires", "own token", "created");
            foreach (var c in channels)
            {
                table.AddRow(
                    Markup.Escape(c.ChannelId), Markup.Escape(c.ConnectionId.Value), c.ExpiresAt.ToString("u", CultureInfo.InvariantCulture), OwnToken(c),
                    c.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            Say(parse, $"{channels.Count} channel(s).");
            if (channels.Count == query.Limit)
            {
                Say(parse, $"More may follow: --after {channels[^1].ChannelId}");
            }

            return 0;
        });
    }

    private static Command Show()
    {
        var (provider, id) = Target();
        return StoreCommand.Create("show", "Show one registered channel (never its token).", [provider, id], async (parse, services, console, ct) =>
        {
            var registry = services.GetRequiredService<IWebhookChannelRegistry>();
            if (await WebhookChannelRequest.FindAsync(registry, parse.GetValue(provider)!, parse.GetValue(id)!, ct).ConfigureAwait(false) is not { } channel)
            {
                return CliError.Report(parse, WebhookChannelRequest.NotFound(parse.GetValue(provider)!, parse.GetValue(id)!), 1);
            }

            console.Write(Details(channel));
            return 0;
        });
    }

    private static Command Remove()
    {
        var (provider, id) = Target();
        const string Description = "Remove a registered channel: its notifications are refused from then on. A channel Mooring opened is stopped at Google first; stop any other with Google yourself.";
        return StoreCommand.Create("remove", Description, [provider, id], async (parse, services, console, ct) =>
        {
            var watcher = services.GetRequiredService<IPushChannelWatcher>();
            try
            {
                if (!await WebhookChannelRequest.RemoveAsync(watcher, parse.GetValue(provider)!, parse.GetValue(id)!, ct).ConfigureAwait(false))
                {
                    return CliError.Report(parse, WebhookChannelRequest.NotFound(parse.GetValue(provider)!, parse.GetValue(id)!), 1);
                }
            }
            catch (Mooring.Outbound.ProviderApiException ex)
            {
                return CliError.Report(parse, $"Google would not stop the channel, which stays registered: {ex.Message}", 1);
            }

            Say(parse, $"Removed the {parse.GetValue(provider)} channel '{parse.GetValue(id)}'.");
            return 0;
        });
    }

    private static (Argument<string> Provider, Argument<string> Id) Target() =>
        (new Argument<string>("provider") { Description = "The provider, such as google-calendar." },
         new Argument<string>("channel-id") { Description = "The channel id (from 'mooring webhooks channels list')." });

    private static string OwnToken(WebhookChannelRecord channel) => channel.TokenHash is null ? "no (shared tokens)" : "yes";
}
