using System.Data.Common;
using Mooring.Connections;
using Mooring.Security;

namespace Mooring.Storage.Relational;

internal sealed class RelationalOAuthStateStore(StoreDialect dialect) : IOAuthStateStore
{
    private const string Columns =
        "state_hash, provider, connection_id, end_user_ref, tenant_ref, browser_binding_hash, redirect_uri, scopes, verifier_key_id, verifier, return_url, created_at, expires_at";

    public async Task SaveAsync(OAuthStateRecord state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"INSERT INTO oauth_states ({Columns}, consumed_at) VALUES (@h, @p, @c, @eu, @t, @b, @r, @s, @k, @v, @ru, @ca, @ea, NULL)")
            .With("@h", state.StateHash).With("@p", state.Provider.Value).With("@c", state.ConnectionId.Value)
            .With("@eu", state.EndUserRef).With("@t", state.TenantRef).With("@b", state.BrowserBindingHash)
            .With("@r", state.RedirectUri).With("@s", Db.Json(state.Scopes)).With("@k", state.CodeVerifier.KeyId)
            .With("@v", state.CodeVerifier.Ciphertext).With("@ru", state.ReturnUrl)
            .With("@ca", Db.ToMs(state.CreatedAt)).With("@ea", Db.ToMs(state.ExpiresAt));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException("An OAuth state with this value already exists.", ex);
        }
    }

    public async Task<OAuthStateRecord?> ConsumeAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateHash);

        // One statement: of two concurrent callbacks with the same state, exactly one sees the row.
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"""
            UPDATE oauth_states SET consumed_at = @now
            WHERE state_hash = @h AND consumed_at IS NULL AND expires_at > @now
            RETURNING {Columns}
            """).With("@h", stateHash).With("@now", Db.ToMs(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new OAuthStateRecord
        {
            StateHash = reader.GetString(0),
            Provider = ProviderKey.Parse(reader.GetString(1)),
            ConnectionId = ConnectionId.Parse(reader.GetString(2)),
            EndUserRef = reader.StringOrNull(3),
            TenantRef = reader.StringOrNull(4),
            BrowserBindingHash = reader.GetString(5),
            RedirectUri = reader.GetString(6),
            Scopes = Db.FromJson<List<string>>(reader.GetString(7)),
            CodeVerifier = new ProtectedSecret(reader.GetString(8), (byte[])reader.GetValue(9)),
            ReturnUrl = reader.StringOrNull(10),
            CreatedAt = reader.Time(11),
            ExpiresAt = reader.Time(12),
        };
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync("DELETE FROM oauth_states WHERE expires_at <= @now OR consumed_at IS NOT NULL", cancellationToken, ("@now", Db.ToMs(now))).ConfigureAwait(false);
    }
}
