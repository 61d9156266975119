using Microsoft.Extensions.Logging;

namespace Mooring.Redis.RateLimiting;

internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Error, "Redis is unavailable for rate limiting: limits are counted in this process only (not shared with other instances) and Redis is tried again every {RetryInterval}")]
    public static partial void Unavailable(ILogger logger, TimeSpan retryInterval, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Redis is available again: rate limits are shared across instances")]
    public static partial void Restored(ILogger logger);
}
