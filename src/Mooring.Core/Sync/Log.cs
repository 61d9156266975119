using Microsoft.Extensions.Logging;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>Sync log lines: model, connection id, run id, counts; never record content or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Sync of {Model} for connection {ConnectionId} started: {Kind} run {RunId}")]
    public static partial void RunStarted(ILogger logger, string model, string connectionId, SyncRunKind kind, long runId);

    [LoggerMessage(7002, LogLevel.Information, "Sync run {RunId} of {Model} for connection {ConnectionId} ended {Status}: {Pages} pages, {Added} added, {Updated} updated, {Deleted} deleted")]
    public static partial void RunFinished(ILogger logger, string model, string connectionId, long runId, SyncRunStatus status, int pages, long added, long updated, long deleted);

    [LoggerMessage(7003, LogLevel.Warning, "Sync run {RunId} of {Model} for connection {ConnectionId} failed: {Error}")]
    public static partial void RunFailed(ILogger logger, string model, string connectionId, long runId, string error);

    [LoggerMessage(7004, LogLevel.Information, "The change cursor of {Model} for connection {ConnectionId} expired ({Reason}); running a full sync")]
    public static partial void CursorExpired(ILogger logger, string model, string connectionId, string reason);

    [LoggerMessage(7005, LogLevel.Error, "The sync scheduler failed a pass; it tries again at the next poll")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception);

    [LoggerMessage(7006, LogLevel.Error, "Sync of {Model} for connection {ConnectionId} failed unexpectedly")]
    public static partial void RunCrashed(ILogger logger, Exception exception, string model, string connectionId);
}
