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

    /// <summary>
    /// The connection is about to be disconnected: its credentials still work, so that what runs through it at the
    /// provider (a push channel, a subscription) can be stopped. <see cref="Disconnected"/> follows.
    /// </summary>
    Disconnecting,
}
