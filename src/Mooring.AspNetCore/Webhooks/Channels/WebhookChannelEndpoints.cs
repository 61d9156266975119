using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary><c>/api/webhooks/channels</c>: register, list, show and remove push notification channels.</summary>
internal static class WebhookChannelEndpoints
{
    /// <summary>The body of <c>POST /api/webhooks/channels</c>; <c>expiration</c> is Unix milliseconds, as Google's watch request and answer give it.</summary>
    internal sealed record Body(string? Provider, string? ChannelId, string? Token, string? ConnectionId, long? Expiration);

    public static void Map(RouteGroupBuilder webhooks)
    {
        var group = webhooks.MapGroup("/channels");
        group.MapPost("/", RegisterAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{provider}/{channelId}", GetAsync);
        group.MapDelete("/{provider}/{channelId}", RemoveAsync);
    }

    private static async Task<IResult> RegisterAsync(IWebhookChannelRegistry registry, Body body, CancellationToken cancellationToken)
    {
        if (!ProviderKey.TryParse(body.Provider, out var provider, out var error))
        {
            return Problems.BadRequest("provider: " + error);
        }

        if (!ConnectionId.TryParse(body.ConnectionId, out var connection, out error))
        {
            return Problems.BadRequest("connectionId: " + error);
        }

        if (body.Expiration is not { } expiration || expiration is < 0 or > 253_402_300_799_999)
        {
            return Problems.BadRequest("expiration: required, in Unix milliseconds (the watch request's expiration).");
        }

        try
        {
            var channel = await registry.RegisterAsync(new WebhookChannelRegistration
            {
                Provider = provider,
                ChannelId = body.ChannelId ?? string.Empty,
                Token = body.Token,
                ConnectionId = connection,
                Expiration = DateTimeOffset.FromUnixTimeMilliseconds(expiration),
            }, cancellationToken).ConfigureAwait(false);
            return Results.Created($"channels/{provider}/{channel.ChannelId}", Dto(channel));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message.Split(" (Parameter", 2)[0]);
        }
        catch (DuplicateKeyException ex)
        {
            return Results.Problem(title: "Conflict", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> ListAsync(IWebhookChannelRegistry registry, string? provider, string? connection, string? after, int? limit, CancellationToken cancellationToken)
    {
        if (!ProviderKey.TryParse(provider, out var key, out var error))
        {
            return Problems.BadRequest("provider: " + error);
        }

        var query = new WebhookChannelQuery { Provider = key, After = after, Limit = limit ?? 100 };
        if (connection is not null)
        {
            if (!ConnectionId.TryParse(connection, out var id, out error))
            {
                return Problems.BadRequest("connection: " + error);
            }

            query = query with { ConnectionId = id };
        }

        if (query.Limit is < 1 or > 1000)
        {
            return Problems.BadRequest($"limit: {query.Limit} is out of range; use 1 to 1000.");
        }

        var channels = await registry.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { data = channels.Select(Dto), next_after = channels.Count == query.Limit ? channels[^1].ChannelId : null });
    }

    private static async Task<IResult> GetAsync(IWebhookChannelRegistry registry, string provider, string channelId, CancellationToken cancellationToken) =>
        ProviderKey.TryParse(provider, out var key, out _) && await registry.GetAsync(key, channelId, cancellationToken).ConfigureAwait(false) is { } channel
            ? Results.Ok(Dto(channel))
            : Problems.NotFound($"There is no registered {provider} channel '{channelId}'.");

    private static async Task<IResult> RemoveAsync(IWebhookChannelRegistry registry, string provider, string channelId, CancellationToken cancellationToken) =>
        ProviderKey.TryParse(provider, out var key, out _) && await registry.RemoveAsync(key, channelId, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.NotFound($"There is no registered {provider} channel '{channelId}'.");

    private static object Dto(WebhookChannelRecord c) => new
    {
        provider = c.Provider.Value,
        channel_id = c.ChannelId,
        connection_id = c.ConnectionId.Value,
        expires_at = c.ExpiresAt,
        own_token = c.TokenHash is not null,
        created_at = c.CreatedAt,
    };
}
