namespace Mooring.Outbound;

/// <summary>What kind of failure a call to a provider ended in, and so what the caller can do about it.</summary>
public enum ProviderErrorCategory
{
    /// <summary>The provider refused the credentials or their scope for this call (401 after a refresh, 403).</summary>
    Auth,

    /// <summary>The grant is gone (revoked, expired refresh token, uninstalled app): the end user must connect again.</summary>
    NeedsReconnect,

    /// <summary>The provider's rate limit, or Mooring's pacing of it, stopped the call; retry after the time given.</summary>
    RateLimited,

    /// <summary>The resource does not exist, or the connection cannot see it.</summary>
    NotFound,

    /// <summary>The request was wrong (bad parameter, conflict, card declined); retrying it unchanged will fail again.</summary>
    Validation,

    /// <summary>The provider failed (5xx) or did not answer in time, after retries.</summary>
    ProviderUnavailable,

    /// <summary>The provider could not be reached (DNS, connection refused or reset, TLS).</summary>
    Network,

    /// <summary>Mooring stopped calling the provider for a while after repeated failures; no request was sent.</summary>
    CircuitOpen,
}
