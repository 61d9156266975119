using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.AspNetCore.Management;
using Mooring.AspNetCore.Proxy;
using Mooring.Outbound;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>
/// <c>/api/webhooks/channels</c>: register, list, show and remove push notification channels, and have Mooring open one
/// (<c>watch</c>); removing a channel Mooring opened also stops it at Google.
/// </summary>
internal static class WebhookChannelEndpoints
{
    /// <summary>The body of <c>POST /api/webhooks/channels</c>; <c>expiration</c> is Unix milliseconds, as Google's watch request and answer give it.</summary>
    internal sealed record Body(string? Provider, string? ChannelId, string? Token, string? ConnectionId, long? Expiration);

    /// <summary>The body of <c>POST /api/webhooks/channels/watch</c>.</summary>
    internal sealed record WatchBody(string? Connection, string? CalendarId, long? TtlSeconds);

    public static void Map(RouteGroupBuilder webhooks)
    {
        var group = webhooks.MapGroup("/channels");
        group.MapPost("/", RegisterAsync);
        group.MapPost("/watch", WatchAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{provider}/{channelId}", GetAsync);
        group.MapDelete("/{provider}/{channelId}", RemoveAsync);
    }

    private static async Task<IResult> RegisterAsync(IWebhookChannelRegistry registry, Body body, CancellationToken cancellationToken)
    {
        if (!WebhookChannelRequest.TryRegistration(body.Provider, body.ChannelId, body.Token, body.ConnectionId, body.Expiration, out var registration, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var channel = await registry.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
            return Results.Created($"channels/{channel.Provider}/{channel.ChannelId}", Dto(channel));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(WebhookChannelRequest.Problem(ex));
        }
        catch (DuplicateKeyException ex)
        {
            return Results.Problem(title: "Conflict", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> WatchAsync(IPushChannelWatcher watcher, WatchBody body, CancellationToken cancellationToken)
    {
        if (!WebhookChannelRequest.TryWatch(body.Connection, body.CalendarId, body.TtlSeconds, out var watch, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var channel = await watcher.WatchAsync(watch.ConnectionId, watch.CalendarId, watch.Ttl, cancellationToken).ConfigureAwait(false);
            // Relative to .../channels/watch: the channel's own address, whatever the API prefix.
            return Results.Created($"{channel.Provider}/{channel.ChannelId}", Dto(channel));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(WebhookChannelRequest.Problem(ex));
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            return Results.Problem(title: "Not configured", detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ProxyFailure.From(ex, watch.ConnectionId) is { } failure)
        {
            return failure;
        }
    }

    private static async Task<IResult> ListAsync(IWebhookChannelRegistry registry, string? provider, string? connection, string? after, string? limit, CancellationToken cancellationToken)
    {
        if (!QueryFields.TryInt("limit", limit, out var max, out var problem) || !WebhookChannelRequest.TryQuery(provider, connection, after, max, out var query, out problem))
        {
            return Problems.BadRequest(problem);
        }

        var channels = await registry.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { data = channels.Select(Dto), next_after = channels.Count == query.Limit ? channels[^1].ChannelId : null });
    }

    private static async Task<IResult> GetAsync(IWebhookChannelRegistry registry, string provider, string channelId, CancellationToken cancellationToken) =>
        await WebhookChannelRequest.FindAsync(registry, provider, channelId, cancellationToken).ConfigureAwait(false) is { } channel
            ? Results.Ok(Dto(channel))
            : Problems.NotFound(WebhookChannelRequest.NotFound(provider, channelId));

    private static async Task<IResult> RemoveAsync(IPushChannelWatcher watcher, string provider, string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await WebhookChannelRequest.RemoveAsync(watcher, provider, channelId, cancellationToken).ConfigureAwait(false)
                ? Results.NoContent()
                : Problems.NotFound(WebhookChannelRequest.NotFound(provider, channelId));
        }
        catch (ProviderApiException ex)
        {
            // Google would not stop the channel Mooring opened: the registration stays, so that the removal can be tried again.
            return Results.Problem(title: "Provider call failed", detail: ex.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static object Dto(WebhookChannelRecord c) => new
    {
        provider = c.Provider.Value,
        channel_id = c.ChannelId,
        connection_id = c.ConnectionId.Value,
        expires_at = c.ExpiresAt,
        own_token = c.TokenHash is not null,
        managed = c.Managed,
        calendar_id = c.CalendarId,
        resource_id = c.ResourceId,
        created_at = c.CreatedAt,
    };
}
