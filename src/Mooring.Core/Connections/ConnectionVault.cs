using Mooring.Security;
using Mooring.Storage;

namespace Mooring.Connections;

internal sealed class ConnectionVault(IConnectionStore store, ISecretProtector protector, TimeProvider time) : IConnectionVault
{
    public async Task<Connection> CreateAsync(Connection connection, ConnectionCredentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var now = time.GetUtcNow();
        var stamped = connection with { CreatedAt = now, UpdatedAt = now };
        var stored = await store.InsertAsync(new StoredConnection(stamped, CredentialProtection.Protect(protector, connection.Id, credentials)), cancellationToken).ConfigureAwait(false);
        return stored.Connection;
    }

    public async Task<(Connection Connection, ConnectionCredentials? Credentials)?> GetAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (stored.Connection, CredentialProtection.Unprotect(protector, id, stored.Credentials));
    }

    public async Task<Connection?> UpdateAsync(Connection connection, ConnectionCredentials? credentials, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stamped = connection with { UpdatedAt = time.GetUtcNow() };
        var stored = await store.UpdateAsync(new StoredConnection(stamped, CredentialProtection.Protect(protector, connection.Id, credentials)), expectedVersion, cancellationToken).ConfigureAwait(false);
        return stored?.Connection;
    }
}
