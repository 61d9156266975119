namespace Mooring.Connections;

/// <summary>There is no connection with the id given.</summary>
public sealed class ConnectionNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="id"/>.</summary>
    public ConnectionNotFoundException(ConnectionId id)
        : base($"There is no connection '{id}'.") => ConnectionId = id;

    /// <summary>The id that was looked up.</summary>
    public ConnectionId ConnectionId { get; }
}
