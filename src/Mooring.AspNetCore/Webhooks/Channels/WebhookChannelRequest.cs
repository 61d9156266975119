using System.Diagnostics.CodeAnalysis;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>
/// A channel request as text, as the management API (<see cref="WebhookChannelEndpoints"/>) and the <c>mooring webhooks
/// channels</c> command both take it: read into what <see cref="IWebhookChannelRegistry"/> takes, or refused with a
/// problem naming the field. The registry checks the rest; its refusals read the same through <see cref="Problem"/>.
/// </summary>
internal static class WebhookChannelRequest
{
    /// <summary>9999-12-31T23:59:59.999Z in Unix milliseconds, the last instant a <see cref="DateTimeOffset"/> holds.</summary>
    private const long MaxExpiration = 253_402_300_799_999;

    /// <summary>A registration, from the fields of <c>POST /api/webhooks/channels</c>; <paramref name="expiration"/> is Unix milliseconds.</summary>
    public static bool TryRegistration(
        string? provider, string? channelId, string? token, string? connectionId, long? expiration,
        [NotNullWhen(true)] out WebhookChannelRegistration? registration, [NotNullWhen(false)] out string? problem)
    {
        registration = null;
        if (!ProviderKey.TryParse(provider, out var key, out var error))
        {
            problem = "provider: " + error;
            return false;
        }

        if (!ConnectionId.TryParse(connectionId, out var connection, out error))
        {
            problem = "connectionId: " + error;
            return false;
        }

        if (expiration is not { } milliseconds || milliseconds is < 0 or > MaxExpiration)
        {
            problem = "expiration: required, in Unix milliseconds (the watch request's expiration).";
            return false;
        }

        registration = new WebhookChannelRegistration
        {
            Provider = key,
            ChannelId = channelId ?? string.Empty,
            Token = token,
            ConnectionId = connection,
            Expiration = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
        };
        problem = null;
        return true;
    }

    /// <summary>
    /// A channel for Mooring to open, from the fields of <c>POST /api/webhooks/channels/watch</c>: the connection, the
    /// calendar (<c>primary</c> when omitted) and the lifetime in seconds (the configured default when omitted).
    /// </summary>
    public static bool TryWatch(
        string? connection, string? calendarId, long? ttlSeconds,
        [NotNullWhen(true)] out PushChannelWatch? watch, [NotNullWhen(false)] out string? problem)
    {
        watch = null;
        if (!ConnectionId.TryParse(connection, out var id, out problem))
        {
            problem = "connection: " + problem;
            return false;
        }

        if (calendarId is { Length: 0 or > 1024 })
        {
            problem = "calendarId: must be 1 to 1024 characters (primary for the user's own calendar).";
            return false;
        }

        TimeSpan? ttl = null;
        if (ttlSeconds is { } seconds)
        {
            ttl = seconds is > 0 and < int.MaxValue ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
            if (PushChannelRules.TtlProblem(ttl.Value) is { } ttlProblem)
            {
                problem = $"ttlSeconds {ttlProblem}.";
                return false;
            }
        }

        watch = new PushChannelWatch(id, calendarId ?? "primary", ttl);
        return true;
    }

    /// <summary>A listing, from the query of <c>GET /api/webhooks/channels</c>; <paramref name="limit"/> defaults to 100.</summary>
    public static bool TryQuery(
        string? provider, string? connection, string? after, int? limit,
        [NotNullWhen(true)] out WebhookChannelQuery? query, [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (!ProviderKey.TryParse(provider, out var key, out problem))
        {
            problem = "provider: " + problem;
            return false;
        }

        if (!QueryFields.TryConnection(connection, out var id, out problem) || !QueryFields.TryLimit(limit, out var size, out problem))
        {
            return false;
        }

        query = new WebhookChannelQuery { Provider = key, ConnectionId = id, After = after, Limit = size };
        return true;
    }

    /// <summary>The registered channel, or <see langword="null"/> (also when <paramref name="provider"/> is no provider key).</summary>
    public static async Task<WebhookChannelRecord?> FindAsync(IWebhookChannelRegistry registry, string provider, string channelId, CancellationToken cancellationToken) =>
        ProviderKey.TryParse(provider, out var key, out _) ? await registry.GetAsync(key, channelId, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// Removes the registered channel, after stopping it at Google when Mooring opened it; false when there was none (also
    /// when <paramref name="provider"/> is no provider key).
    /// </summary>
    public static async Task<bool> RemoveAsync(IPushChannelWatcher watcher, string provider, string channelId, CancellationToken cancellationToken) =>
        ProviderKey.TryParse(provider, out var key, out _) && await watcher.StopAsync(key, channelId, cancellationToken).ConfigureAwait(false);

    /// <summary>What the registry's refusal says, without the parameter name that <see cref="ArgumentException"/> appends.</summary>
    public static string Problem(ArgumentException refusal) => refusal.Message.Split(" (Parameter", 2)[0];

    /// <summary>The answer for a channel that is not registered.</summary>
    public static string NotFound(string provider, string channelId) => $"There is no registered {provider} channel '{channelId}'.";
}
