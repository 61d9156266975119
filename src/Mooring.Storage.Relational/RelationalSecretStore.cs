using Mooring.Security;

namespace Mooring.Storage.Relational;

internal sealed class RelationalSecretStore(StoreDialect dialect) : ISecretStore
{
    // Each kind of secret: its table, key column, key-id column and ciphertext column.
    private static readonly (string Kind, string Table, string Key, string KeyId, string Data)[] Places =
    [
        (SecretKinds.Connection, "connections", "id", "credentials_key_id", "credentials"),
        (SecretKinds.OAuthState, "oauth_states", "state_hash", "verifier_key_id", "verifier"),
    ];

    public async Task<IReadOnlyList<StoredSecretRef>> ListNotUnderKeyAsync(string keyId, int limit, CancellationToken cancellationToken)
    {
        var result = new List<StoredSecretRef>();
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var place in Places)
        {
            if (result.Count >= limit)
            {
                break;
            }

            await using var command = db.Command(
                $"SELECT {place.Key}, {place.KeyId}, {place.Data} FROM {place.Table} WHERE {place.KeyId} IS NOT NULL AND {place.KeyId} <> @key ORDER BY {place.Key} LIMIT @limit")
                .With("@key", keyId).With("@limit", limit - result.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new StoredSecretRef(place.Kind, reader.GetString(0), new ProtectedSecret(reader.GetString(1), (byte[])reader.GetValue(2))));
            }
        }

        return result;
    }

    public async Task<bool> ReplaceAsync(StoredSecretRef current, ProtectedSecret replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(replacement);
        var place = Places.Single(p => p.Kind == current.Kind);

        // Compare and swap on the old ciphertext: a writer that changed the secret meanwhile wins, and rotation
        // picks the new value up on its next pass (it is already under the active key).
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(
            $"UPDATE {place.Table} SET {place.KeyId} = @newKey, {place.Data} = @newData WHERE {place.Key} = @id AND {place.KeyId} = @oldKey AND {place.Data} = @oldData",
            cancellationToken,
            ("@newKey", replacement.KeyId), ("@newData", replacement.Ciphertext), ("@id", current.RecordId),
            ("@oldKey", current.Secret.KeyId), ("@oldData", current.Secret.Ciphertext)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var place in Places)
        {
            await using var command = db.Command($"SELECT {place.KeyId}, COUNT(*) FROM {place.Table} WHERE {place.KeyId} IS NOT NULL GROUP BY {place.KeyId}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(1);
            }
        }

        return counts;
    }

    public async Task<IReadOnlyDictionary<string, byte[]>> GetKeyChecksAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command("SELECT key_id, check_value FROM mooring_key_checks");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checks[reader.GetString(0)] = (byte[])reader.GetValue(1);
        }

        return checks;
    }

    public async Task AddKeyCheckAsync(string keyId, byte[] checkValue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(
            "INSERT INTO mooring_key_checks (key_id, check_value, created_at) VALUES (@k, @v, @t) ON CONFLICT (key_id) DO NOTHING",
            cancellationToken, ("@k", keyId), ("@v", checkValue), ("@t", Db.ToMs(now))).ConfigureAwait(false);
    }
}
