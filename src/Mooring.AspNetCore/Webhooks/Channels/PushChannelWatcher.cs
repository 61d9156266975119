using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>Opens, renews and stops Google Calendar push channels; see <see cref="IPushChannelWatcher"/>.</summary>
internal sealed partial class PushChannelWatcher(
    IWebhookChannelRegistry registry,
    IWebhookChannelStore store,
    WebhookChannels channels,
    IConnectionStore connections,
    IProviderApi api,
    IOptions<ConnectionsOptions> connectionsOptions,
    IOptions<WebhookOptions> webhookOptions,
    TimeProvider time,
    ILogger<PushChannelWatcher> logger) : IPushChannelWatcher
{
    public async Task<WebhookChannelRecord> WatchAsync(ConnectionId connectionId, string calendarId = "primary", TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(calendarId);
        var lifetime = ttl ?? webhookOptions.Value.PushChannels.DefaultTtl;
        if (PushChannelRules.TtlProblem(lifetime) is { } problem)
        {
            throw new ArgumentException($"ttl: {problem}.", nameof(ttl));
        }

        var connection = (await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false))?.Connection
            ?? throw new ConnectionNotFoundException(connectionId);
        var address = Address(connection.Provider);

        // Registered first: Google sends the sync message as soon as the channel exists, before it answers the watch.
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var channel = await registry.RegisterAsync(new WebhookChannelRegistration
        {
            Provider = connection.Provider,
            ChannelId = Guid.NewGuid().ToString(),
            Token = token,
            ConnectionId = connectionId,
            Expiration = time.GetUtcNow() + lifetime,
            CalendarId = calendarId,
            Managed = true,
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            using var answer = await api.SendAsync(connectionId, GoogleWatchApi.Watch(calendarId, channel.ChannelId, token, address, lifetime), cancellationToken).ConfigureAwait(false);
            var (resourceId, expiration) = GoogleWatchApi.Read(answer, channel.ExpiresAt);
            await store.SetWatchedAsync(channel.Provider, channel.ChannelId, resourceId, expiration, cancellationToken).ConfigureAwait(false);
            channels.Forget(channel.Provider, channel.ChannelId);
            Log.Watching(logger, channel.Provider.Value, connectionId.Value, channel.ChannelId, expiration);
            return channel with { ResourceId = resourceId, ExpiresAt = expiration };
        }
        catch
        {
            await registry.RemoveAsync(channel.Provider, channel.ChannelId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<bool> StopAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        if (await registry.GetAsync(provider, channelId, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return false;
        }

        if (channel is { Managed: true, ResourceId: { } resourceId })
        {
            try
            {
                using var _ = await api.SendAsync(channel.ConnectionId, GoogleWatchApi.Stop(channelId, resourceId), cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderApiException ex) when (ex.StatusCode == 404)
            {
                // Google no longer knows the channel (it expired, or was stopped before): stopped all the same.
            }
            catch (ConnectionNotFoundException)
            {
                // The connection is gone, and with it the means to ask; Google ends the channel when it expires.
            }
        }

        var removed = await registry.RemoveAsync(provider, channelId, cancellationToken).ConfigureAwait(false);
        Log.Stopped(logger, provider.Value, channel.ConnectionId.Value, channelId);
        return removed;
    }

    /// <summary>
    /// Opens a channel like <paramref name="old"/>, then stops <paramref name="old"/>: both are live in between, so no
    /// change is missed. <see langword="null"/> when another instance renewed <paramref name="old"/> meanwhile: whoever
    /// removes the old registration keeps its successor, the other stops its own, so that channels do not multiply.
    /// </summary>
    internal async Task<WebhookChannelRecord?> RenewAsync(WebhookChannelRecord old, CancellationToken cancellationToken)
    {
        var lifetime = old.ExpiresAt - old.CreatedAt;
        lifetime = lifetime < PushChannelRules.MinTtl ? PushChannelRules.MinTtl : lifetime > PushChannelRules.MaxTtl ? PushChannelRules.MaxTtl : lifetime;
        var fresh = await WatchAsync(old.ConnectionId, old.CalendarId ?? "primary", lifetime, cancellationToken).ConfigureAwait(false);
        if (!await StopOrForgetAsync(old, cancellationToken).ConfigureAwait(false))
        {
            await StopAsync(fresh.Provider, fresh.ChannelId, cancellationToken).ConfigureAwait(false);
            return null;
        }

        Log.Renewed(logger, old.Provider.Value, old.ConnectionId.Value, old.ChannelId, fresh.ChannelId);
        return fresh;
    }

    /// <summary>
    /// Stops a renewed channel; should Google refuse, the registration goes anyway (its notifications are refused until
    /// Google ends it), or the next pass would find it due again and open yet another successor.
    /// </summary>
    private async Task<bool> StopOrForgetAsync(WebhookChannelRecord old, CancellationToken cancellationToken)
    {
        try
        {
            return await StopAsync(old.Provider, old.ChannelId, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderApiException ex)
        {
            Log.StopFailed(logger, ex, old.Provider.Value, old.ConnectionId.Value, old.ChannelId);
            return await registry.RemoveAsync(old.Provider, old.ChannelId, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri Address(ProviderKey provider) =>
        connectionsOptions.Value.PublicBaseUrl is { Length: > 0 } configured
            ? new Uri($"{configured.TrimEnd('/')}/webhooks/{provider}")
            : throw new InvalidOperationException(
                $"Set {ConnectionsOptions.SectionName}:PublicBaseUrl to the address Mooring is reached at: Google sends a push channel's notifications to {{PublicBaseUrl}}/webhooks/{provider}.");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Opened the {Provider} push channel {ChannelId} for connection {ConnectionId}, until {Expiration}")]
        public static partial void Watching(ILogger logger, string provider, string connectionId, string channelId, DateTimeOffset expiration);

        [LoggerMessage(2, LogLevel.Information, "Stopped the {Provider} push channel {ChannelId} of connection {ConnectionId}")]
        public static partial void Stopped(ILogger logger, string provider, string connectionId, string channelId);

        [LoggerMessage(4, LogLevel.Warning, "Google would not stop the renewed {Provider} push channel {ChannelId} of connection {ConnectionId}; its registration is removed, so its notifications are refused until Google ends it")]
        public static partial void StopFailed(ILogger logger, Exception exception, string provider, string connectionId, string channelId);

        [LoggerMessage(3, LogLevel.Information, "Renewed the {Provider} push channel {ChannelId} of connection {ConnectionId} as {NewChannelId}")]
        public static partial void Renewed(ILogger logger, string provider, string connectionId, string channelId, string newChannelId);
    }
}
