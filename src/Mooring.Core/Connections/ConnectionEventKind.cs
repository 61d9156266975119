namespace Mooring.Connections;

/// <summary>What happened to a connection.</summary>
public enum ConnectionEventKind
{
    /// <summary>An end user completed the connect flow (first time or again); the connection is active.</summary>
    Connected,

    /// <summary>The provider refused the grant for good; the end user must connect again.</summary>
    NeedsReconnect,

    /// <summary>The connection was disconnected and deleted.</summary>
    Disconnected,
}
