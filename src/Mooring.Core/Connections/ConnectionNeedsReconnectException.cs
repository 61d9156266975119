namespace Mooring.Connections;

/// <summary>
/// The provider refused the connection's grant for good (revoked, expired, app uninstalled). The connection is marked
/// <see cref="ConnectionStatus.NeedsReconnect"/>; the end user must connect again. Retrying will not help.
/// </summary>
public sealed class ConnectionNeedsReconnectException : Exception
{
    /// <summary>Creates the exception for <paramref name="connection"/> with a message a person can act on.</summary>
    public ConnectionNeedsReconnectException(Connection connection, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
    }

    /// <summary>The connection as stored after being marked.</summary>
    public Connection Connection { get; }
}
