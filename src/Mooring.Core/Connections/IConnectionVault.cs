namespace Mooring.Connections;

/// <summary>
/// Connections with their credentials in the clear, for code that must use them. Encrypts on the way into the
/// store and decrypts on the way out; nothing else in Mooring sees plaintext credentials.
/// </summary>
public interface IConnectionVault
{
    /// <summary>Stores a new connection with its credentials.</summary>
    Task<Connection> CreateAsync(Connection connection, ConnectionCredentials? credentials, CancellationToken cancellationToken);

    /// <summary>The connection and its decrypted credentials, or <see langword="null"/> if there is no such connection.</summary>
    Task<(Connection Connection, ConnectionCredentials? Credentials)?> GetAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>Replaces connection and credentials if the stored version is still <paramref name="expectedVersion"/>; <see langword="null"/> on a conflict.</summary>
    Task<Connection?> UpdateAsync(Connection connection, ConnectionCredentials? credentials, long expectedVersion, CancellationToken cancellationToken);
}
