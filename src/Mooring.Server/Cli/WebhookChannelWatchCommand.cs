using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Webhooks;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks channels watch</c>: Mooring opens a Google Calendar push channel for a connection, as
/// <c>POST /api/webhooks/channels/watch</c> does, and renews it until it is removed. Bad input exits 2, an unknown
/// connection 1, a refusal by Google 1 with Google's words.
/// </summary>
internal static class WebhookChannelWatchCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection") { Description = "The connection whose calendar to watch (required)." };
        var calendar = new Option<string?>("--calendar") { Description = "The calendar id; primary (the user's own) if omitted." };
        var ttl = new Option<long?>("--ttl") { Description = "The channel's lifetime in seconds, 60 to 2592000; Mooring:Webhooks:PushChannels:DefaultTtl if omitted." };
        Symbol[] symbols = [connection, calendar, ttl];
        return StoreCommand.Create("watch", "Have Mooring open a Google Calendar push channel for a connection, and renew it.", symbols, async (parse, services, console, ct) =>
        {
            if (!WebhookChannelRequest.TryWatch(parse.GetValue(connection), parse.GetValue(calendar), parse.GetValue(ttl), out var watch, out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            try
            {
                var channel = await services.GetRequiredService<IPushChannelWatcher>().WatchAsync(watch.ConnectionId, watch.CalendarId, watch.Ttl, ct).ConfigureAwait(false);
                WebhookChannelsCommand.Say(parse, $"Watching calendar '{watch.CalendarId}' of {channel.ConnectionId} through the {channel.Provider} channel '{channel.ChannelId}'.");
                console.Write(WebhookChannelsCommand.Details(channel));
                return 0;
            }
            catch (ArgumentException ex)
            {
                return CliError.Report(parse, WebhookChannelRequest.Problem(ex), 2);
            }
            catch (ConnectionNotFoundException)
            {
                return CliError.Report(parse, $"There is no connection '{watch.ConnectionId}'.", 1);
            }
            catch (Exception ex) when (ex is ProviderApiException or ConnectionNeedsReconnectException or InvalidOperationException)
            {
                return CliError.Report(parse, ex.Message, 1);
            }
        });
    }
}
