using System.Data.Common;
using Mooring.Connections;
using Mooring.Security;

namespace Mooring.Storage.Relational;

internal sealed class RelationalConnectionStore(StoreDialect dialect) : IConnectionStore
{
    private const string Columns =
        "id, provider, end_user_ref, tenant_ref, auth_mode, status, status_message, scopes, expires_at, metadata, credentials_key_id, credentials, version, created_at, updated_at";

    public async Task<StoredConnection?> GetAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM connections WHERE id = @id").With("@id", id.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Connection>> ListAsync(ConnectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(string.Empty);
        new SqlWhere(command, $"SELECT {Columns} FROM connections")
            .When("provider", query.Provider?.Value)
            .When("end_user_ref", query.EndUserRef)
            .When("tenant_ref", query.TenantRef)
            .When("status", query.Status is { } status ? EnumText.Of(status) : null)
            .When("expires_at", Db.ToMs(query.ExpiringBefore), "<")
            .When("id", query.After?.Value, ">")
            .OrderBy("id", query.Limit);
        return await command.ReadAllAsync(r => Read(r).Connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredConnection> InsertAsync(StoredConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stored = connection with { Connection = connection.Connection with { Version = 1 } };
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(db.Command($"INSERT INTO connections ({Columns}) VALUES (@id, @provider, @end_user_ref, @tenant_ref, @auth_mode, @status, @status_message, @scopes, @expires_at, @metadata, @key_id, @credentials, @version, @created_at, @updated_at)"), stored);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException($"A connection with id '{connection.Connection.Id}' already exists.", ex);
        }

        return stored;
    }

    public async Task<StoredConnection?> UpdateAsync(StoredConnection connection, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stored = connection with { Connection = connection.Connection with { Version = expectedVersion + 1 } };
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(db.Command("""
            UPDATE connections SET provider = @provider, end_user_ref = @end_user_ref, tenant_ref = @tenant_ref, auth_mode = @auth_mode,
                status = @status, status_message = @status_message, scopes = @scopes, expires_at = @expires_at, metadata = @metadata,
                credentials_key_id = @key_id, credentials = @credentials, version = @version, created_at = @created_at, updated_at = @updated_at
            WHERE id = @id AND version = @expected
            """), stored).With("@expected", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? stored : null;
    }

    public async Task<bool> DeleteAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync("DELETE FROM connections WHERE id = @id", cancellationToken, ("@id", id.Value)).ConfigureAwait(false) == 1;
    }

    private static DbCommand Bind(DbCommand command, StoredConnection stored)
    {
        var c = stored.Connection;
        return command
            .With("@id", c.Id.Value)
            .With("@provider", c.Provider.Value)
            .With("@end_user_ref", c.EndUserRef)
            .With("@tenant_ref", c.TenantRef)
            .With("@auth_mode", EnumText.Of(c.AuthMode))
            .With("@status", EnumText.Of(c.Status))
            .With("@status_message", c.StatusMessage)
            .With("@scopes", Db.Json(c.Scopes))
            .With("@expires_at", Db.ToMs(c.ExpiresAt))
            .With("@metadata", Db.Json(c.Metadata))
            .With("@key_id", stored.Credentials?.KeyId)
            .With("@credentials", stored.Credentials?.Ciphertext)
            .With("@version", c.Version)
            .With("@created_at", Db.ToMs(c.CreatedAt))
            .With("@updated_at", Db.ToMs(c.UpdatedAt));
    }

    private static StoredConnection Read(DbDataReader r)
    {
        var connection = new Connection
        {
            Id = ConnectionId.Parse(r.GetString(0)),
            Provider = ProviderKey.Parse(r.GetString(1)),
            EndUserRef = r.StringOrNull(2),
            TenantRef = r.StringOrNull(3),
            AuthMode = EnumText.Parse<AuthMode>(r.GetString(4)),
            Status = EnumText.Parse<ConnectionStatus>(r.GetString(5)),
            StatusMessage = r.StringOrNull(6),
            Scopes = Db.FromJson<List<string>>(r.GetString(7)),
            ExpiresAt = r.TimeOrNull(8),
            Metadata = Db.FromJson<Dictionary<string, string>>(r.GetString(9)),
            Version = r.GetInt64(12),
            CreatedAt = r.Time(13),
            UpdatedAt = r.Time(14),
        };
        var keyId = r.StringOrNull(10);
        var ciphertext = r.BytesOrNull(11);
        return new StoredConnection(connection, keyId is null || ciphertext is null ? null : new ProtectedSecret(keyId, ciphertext));
    }
}
