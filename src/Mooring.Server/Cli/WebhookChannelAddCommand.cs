using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Storage;
using Mooring.Webhooks;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring webhooks channels add</c>: registers a Google push channel as <c>POST /api/webhooks/channels</c> does. The
/// token comes from standard input with <c>--token-stdin</c>; <c>--token</c> works but warns, since a token on the command
/// line is kept in the shell history and shown in the process list. Neither: the provider's shared tokens.
/// </summary>
internal static class WebhookChannelAddCommand
{
    public static Command Create(TextReader input)
    {
        var provider = new Option<string?>("--provider") { Description = "The provider, such as google-calendar." };
        var id = new Option<string?>("--id") { Description = "The channel id given in the watch request (the API's channelId; a UUID is best)." };
        var connection = new Option<string?>("--connection") { Description = "The connection whose resource the channel watches (the API's connectionId)." };
        var expiration = new Option<string?>("--expiration") { Description = "The expiration asked for in the watch request, in Unix milliseconds." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the channel's token (8 to 256 characters) from the first line of standard input." };
        var token = new Option<string?>("--token") { Description = "The channel's token; it is kept in the shell history, prefer --token-stdin." };
        Symbol[] symbols = [provider, id, connection, expiration, tokenStdin, token];
        return StoreCommand.Create("add", "Register a channel before the watch request that creates it.", symbols, async (parse, services, console, ct) =>
        {
            var given = parse.GetValue(token);
            if (given is not null && parse.GetValue(tokenStdin))
            {
                return CliError.Report(parse, "Give the token with --token-stdin or with --token, not both.", 2);
            }

            if (given is not null)
            {
                CliError.Write(parse, "warning: a token given with --token is kept in the shell history and shown in the process list; pipe it to --token-stdin instead.");
            }

            // An empty standard input is an empty token, refused as such, never a silent fall back to the shared tokens.
            var secret = parse.GetValue(tokenStdin) ? await input.ReadLineAsync(ct).ConfigureAwait(false) ?? string.Empty : given;
            long? milliseconds = long.TryParse(parse.GetValue(expiration), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (!WebhookChannelRequest.TryRegistration(
                parse.GetValue(provider), parse.GetValue(id), secret, parse.GetValue(connection), milliseconds, out var registration, out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            try
            {
                var channel = await services.GetRequiredService<IWebhookChannelRegistry>().RegisterAsync(registration, ct).ConfigureAwait(false);
                WebhookChannelsCommand.Say(parse, $"Registered the {channel.Provider} channel '{channel.ChannelId}'.");
                console.Write(WebhookChannelsCommand.Details(channel));
                return 0;
            }
            catch (ArgumentException ex)
            {
                return CliError.Report(parse, WebhookChannelRequest.Problem(ex), 2);
            }
            catch (DuplicateKeyException ex)
            {
                return CliError.Report(parse, ex.Message, 1);
            }
        });
    }
}
