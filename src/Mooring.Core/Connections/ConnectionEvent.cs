namespace Mooring.Connections;

/// <summary>Something the host app may want to act on, such as asking a user to reconnect.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Connection">The connection as it was at that moment (never its credentials).</param>
/// <param name="Message">For <see cref="ConnectionEventKind.NeedsReconnect"/>, what happened in plain words.</param>
public sealed record ConnectionEvent(ConnectionEventKind Kind, Connection Connection, string? Message = null);
