using Microsoft.Extensions.Logging;
using Mooring.OAuth;

namespace Mooring.Connections;

/// <summary>Connection log lines. They carry ids, provider keys and error codes; never a token, code, state or verifier.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Refreshed the token of {Provider} connection {ConnectionId}; expires at {ExpiresAt}, refresh token rotated: {Rotated}")]
    public static partial void Refreshed(ILogger logger, string provider, string connectionId, DateTimeOffset? expiresAt, bool rotated);

    [LoggerMessage(1002, LogLevel.Warning, "{Provider} refused the grant of connection {ConnectionId}: {Error} (HTTP {Status}); marking it as needing reconnection")]
    public static partial void RefreshRefused(ILogger logger, string provider, string connectionId, string error, int? status);

    [LoggerMessage(1003, LogLevel.Warning, "Refreshing the token of {Provider} connection {ConnectionId} failed: {Error} (HTTP {Status}, {Outcome})")]
    public static partial void RefreshFailed(ILogger logger, string provider, string connectionId, string error, int? status, TokenOutcome outcome);

    [LoggerMessage(1004, LogLevel.Warning, "{Provider} connection {ConnectionId} needs reconnection")]
    public static partial void MarkedNeedsReconnect(ILogger logger, string provider, string connectionId);

    [LoggerMessage(1005, LogLevel.Error, "Connection event handler {Handler} failed on {Kind} for connection {ConnectionId}")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string handler, ConnectionEventKind kind, string connectionId);

    [LoggerMessage(1006, LogLevel.Information, "Connected {Provider} connection {ConnectionId}")]
    public static partial void Connected(ILogger logger, string provider, string connectionId);

    [LoggerMessage(1007, LogLevel.Warning, "Connecting {Provider} failed: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string provider, string error);

    [LoggerMessage(1008, LogLevel.Information, "Disconnected {Provider} connection {ConnectionId}; revoked at the provider: {Revoked}")]
    public static partial void Disconnected(ILogger logger, string provider, string connectionId, bool revoked);

    [LoggerMessage(1009, LogLevel.Warning, "Revoking the tokens of {Provider} connection {ConnectionId} failed: {Error}; deleted locally anyway")]
    public static partial void RevocationFailed(ILogger logger, string provider, string connectionId, string error);

    [LoggerMessage(1010, LogLevel.Warning, "An authorization callback was refused: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, string reason);
}
