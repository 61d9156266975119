namespace Mooring.Providers;

/// <summary>How a rate-limit reset header expresses the moment the window resets.</summary>
public enum RateLimitResetFormat
{
    /// <summary>Seconds since the Unix epoch (GitHub's <c>x-ratelimit-reset</c>).</summary>
    EpochSeconds,

    /// <summary>Seconds from now.</summary>
    DeltaSeconds,
}
