namespace Mooring.Outbound.RateLimiting;

/// <summary>Defaults of <see cref="RateLimitingOptions"/> and names used by the limiter.</summary>
internal static class RateLimitingConstants
{
    public const string DefaultRedisKeyPrefix = "mooring:rl:";
    public const double DefaultSafetyMargin = 0.01;
    public const double DefaultBurstFraction = 0.01;
    public const int DefaultMinimumBurst = 2;
    public const double DefaultSlowDownBelow = 0.2;
    public const string DefaultResource = "default";

    /// <summary>Request bodies larger than this are not read for a partition parameter.</summary>
    public const int MaxPartitionBodyBytes = 64 * 1024;

    public static readonly TimeSpan DefaultRedisRetryInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultReservationHorizon = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan DefaultMaxPause = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultBackgroundPromotionDelay = TimeSpan.FromSeconds(30);
}
