namespace Mooring.Connections;

internal static class ConnectionsConstants
{
    public const int TokenRequestRetries = 3;

    public static readonly TimeSpan TokenRequestRetryDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan TokenRequestTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan AuthorizationLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ConnectLinkLifetime = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan BackgroundRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>How far past the next background pass a token may expire and still be refreshed now.</summary>
    public static readonly TimeSpan BackgroundRefreshMargin = TimeSpan.FromMinutes(2);

    public const int BackgroundRefreshPageSize = 100;

    /// <summary>A longer <c>Retry-After</c> from a token endpoint ends the retries: no caller should wait that long.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>How often a write that lost an optimistic-concurrency race is re-read and retried.</summary>
    public const int WriteAttempts = 5;
}
