using System.Data.Common;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

internal sealed class RelationalWebhookChannelStore(StoreDialect dialect) : IWebhookChannelStore
{
    private const string Columns = "provider, channel_id, token_hash, connection_id, expires_at, created_at, managed, calendar_id, resource_id";

    public async Task AddAsync(WebhookChannelRecord channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"INSERT INTO webhook_channels ({Columns}) VALUES (@p, @id, @h, @c, @ea, @ca, @m, @cal, @r)")
            .With("@p", channel.Provider.Value).With("@id", channel.ChannelId).With("@h", channel.TokenHash)
            .With("@c", channel.ConnectionId.Value).With("@ea", Db.ToMs(channel.ExpiresAt)).With("@ca", Db.ToMs(channel.CreatedAt))
            .With("@m", channel.Managed ? 1 : 0).With("@cal", channel.CalendarId).With("@r", channel.ResourceId);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException($"A {channel.Provider} channel with id '{channel.ChannelId}' already exists.", ex);
        }
    }

    public async Task<WebhookChannelRecord?> GetAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {Columns} FROM webhook_channels WHERE provider = @p AND channel_id = @id")
            .With("@p", provider.Value).With("@id", channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<WebhookChannelRecord>> ListAsync(WebhookChannelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command(string.Empty);
        new SqlWhere(command, $"SELECT {Columns} FROM webhook_channels")
            .When("provider", query.Provider.Value)
            .When("connection_id", query.ConnectionId?.Value)
            .When("managed", query.Managed is { } managed ? (object)(managed ? 1 : 0) : null)
            .When("expires_at", query.ExpiringBefore is { } before ? (object)Db.ToMs(before) : null, "<")
            .When("channel_id", query.After, ">")
            .OrderBy("channel_id", query.Limit);
        return await command.ReadAllAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetWatchedAsync(ProviderKey provider, string channelId, string resourceId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(resourceId);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            "UPDATE webhook_channels SET resource_id = @r, expires_at = @ea WHERE provider = @p AND channel_id = @id",
            cancellationToken, ("@r", resourceId), ("@ea", Db.ToMs(expiresAt)), ("@p", provider.Value), ("@id", channelId)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> DeleteAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            "DELETE FROM webhook_channels WHERE provider = @p AND channel_id = @id", cancellationToken, ("@p", provider.Value), ("@id", channelId)).ConfigureAwait(false) == 1;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync("DELETE FROM webhook_channels WHERE expires_at <= @now", cancellationToken, ("@now", Db.ToMs(now))).ConfigureAwait(false);
    }

    private static WebhookChannelRecord Read(DbDataReader reader) => new()
    {
        Provider = ProviderKey.Parse(reader.GetString(0)),
        ChannelId = reader.GetString(1),
        TokenHash = reader.StringOrNull(2),
        ConnectionId = ConnectionId.Parse(reader.GetString(3)),
        ExpiresAt = reader.Time(4),
        CreatedAt = reader.Time(5),
        Managed = reader.GetInt32(6) != 0,
        CalendarId = reader.StringOrNull(7),
        ResourceId = reader.StringOrNull(8),
    };
}
