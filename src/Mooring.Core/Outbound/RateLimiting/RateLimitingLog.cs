using Microsoft.Extensions.Logging;

namespace Mooring.Outbound.RateLimiting;

internal static partial class RateLimitingLog
{
    [LoggerMessage(1, LogLevel.Information, "Rate limit {Key} paused for {Pause} ({Reason})")]
    public static partial void Paused(ILogger logger, string key, TimeSpan pause, string reason);

    [LoggerMessage(2, LogLevel.Debug, "{Provider} call waits {Wait} for its rate limits")]
    public static partial void Waiting(ILogger logger, string provider, TimeSpan wait);

    [LoggerMessage(3, LogLevel.Error, "Pausing rate limit {Key} failed")]
    public static partial void PauseFailed(ILogger logger, string key, Exception exception);
}
