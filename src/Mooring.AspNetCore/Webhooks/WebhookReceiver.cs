using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// <c>POST /webhooks/{provider}/{connection?}</c>: reads the raw body, looks up the channel it names for channel schemes
/// (<see cref="WebhookChannels"/>), verifies it, checks that the connection it is attributed to (by the path or the
/// channel) is one of the provider's (<see cref="WebhookConnections"/>), stores the event durably (group commit)
/// and only then answers 200. A refusal answers 4xx with a reason and stores nothing; a store failure answers 503 so
/// that the provider retries.
/// </summary>
internal sealed partial class WebhookReceiver(
    ReceivingProviders providers, WebhookChannels channels, WebhookConnections connections, WebhookInbox inbox, WebhookMetrics metrics, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookReceiver> logger)
{
    private static readonly WebhookRejection ChannelOfAnotherConnection = WebhookRejection.UnknownConnection("The channel belongs to another connection than the path names.");

    public async Task ReceiveAsync(HttpContext http)
    {
        var started = time.GetTimestamp();
        var key = http.Request.RouteValues["provider"] as string ?? string.Empty;
        using var activity = WebhookMetrics.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        activity?.SetTag("mooring.provider", key);
        if (!providers.TryGet(key, out var provider))
        {
            await RefuseAsync(http, "unknown", WebhookRejection.UnknownProvider).ConfigureAwait(false);
            return;
        }

        ConnectionId? connection = null;
        if (http.Request.RouteValues["connection"] is string segment)
        {
            if (!ConnectionId.TryParse(segment, out var id, out var problem))
            {
                await RefuseAsync(http, provider.Key.Value, WebhookRejection.UnknownConnection("The connection path segment is not a connection id: " + problem)).ConfigureAwait(false);
                return;
            }

            connection = id;
        }

        var body = await WebhookBody.ReadAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(http, provider.Key.Value, WebhookRejection.TooLarge).ConfigureAwait(false);
            return;
        }

        var headers = http.Request.Headers;
        var request = new WebhookRequest(body, name => headers.TryGetValue(name, out var value) ? value.ToString() : null);
        if (provider.ChannelHeader is { } channelHeader && request.Header(channelHeader) is { Length: > 0 } channelId)
        {
            try
            {
                request = request with { Channel = await channels.FindAsync(provider.Key, channelId, http.RequestAborted).ConfigureAwait(false) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await UnavailableAsync(http, provider.Key.Value, ex).ConfigureAwait(false);
                return;
            }
        }

        var read = Read(provider, request, time.GetUtcNow(), connection);
        if (read.Rejection is { } refused)
        {
            Log.Refused(logger, provider.Key.Value, refused.Code);
            await RefuseAsync(http, provider.Key.Value, refused).ConfigureAwait(false);
            return;
        }

        if (read.Handshake is { } handshake)
        {
            metrics.Received(provider.Key.Value, "challenge", handshake.Kind);
            http.Response.ContentType = handshake.ContentType;
            await http.Response.WriteAsync(handshake.Body, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await StoreAsync(http, provider, read.Event!, started).ConfigureAwait(false);
    }

    /// <summary>
    /// Verifies the delivery and reads it into an event, attributed to the connection the path names, else to the one its
    /// channel belongs to (which must then be the same).
    /// </summary>
    private static WebhookReadResult Read(ReceivingProvider provider, in WebhookRequest request, DateTimeOffset now, ConnectionId? path)
    {
        if (provider.Verifier.Verify(request, now) is { } rejection)
        {
            return WebhookReadResult.Refused(rejection);
        }

        if (request.Channel is { } channel && path is { } named && named != channel.ConnectionId)
        {
            return WebhookReadResult.Refused(ChannelOfAnotherConnection);
        }

        return provider.Reader.Read(request, now, path ?? request.Channel?.ConnectionId, null);
    }

    private async Task StoreAsync(HttpContext http, ReceivingProvider provider, Storage.WebhookEventRecord webhookEvent, long started)
    {
        WebhookRejection? unknown;
        bool isNew;
        try
        {
            unknown = webhookEvent.ConnectionId is { } id ? await connections.CheckAsync(provider.Key, id, http.RequestAborted).ConfigureAwait(false) : null;
            isNew = unknown is null && await inbox.AcceptAsync(webhookEvent, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await UnavailableAsync(http, provider.Key.Value, ex).ConfigureAwait(false);
            return;
        }

        if (unknown is not null)
        {
            Log.Refused(logger, provider.Key.Value, unknown.Code);
            await RefuseAsync(http, provider.Key.Value, unknown).ConfigureAwait(false);
            return;
        }

        metrics.Received(provider.Key.Value, isNew ? "accepted" : "duplicate");
        metrics.Acknowledged(provider.Key, time.GetElapsedTime(started));
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(isNew ? """{"status":"accepted"}""" : """{"status":"duplicate"}""", http.RequestAborted).ConfigureAwait(false);
    }

    private async Task UnavailableAsync(HttpContext http, string provider, Exception exception)
    {
        Log.StoreFailed(logger, exception, provider);
        metrics.Received(provider, "error", "store_unavailable");
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        await http.Response.WriteAsJsonAsync(new WebhookAnswer("error", "store_unavailable", "The event could not be stored; retry later."), http.RequestAborted).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext http, string provider, WebhookRejection rejection)
    {
        metrics.Received(provider, "rejected", rejection.Code);
        http.Response.StatusCode = rejection.StatusCode;
        await http.Response.WriteAsJsonAsync(new WebhookAnswer("rejected", rejection.Code, rejection.Reason), http.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Refused a {Provider} webhook: {Code}")]
        public static partial void Refused(ILogger logger, string provider, string code);

        [LoggerMessage(2, LogLevel.Error, "Could not store a {Provider} webhook; answered 503 so that the provider retries")]
        public static partial void StoreFailed(ILogger logger, Exception exception, string provider);
    }
}
