namespace Mooring.OAuth;

/// <summary>How a token endpoint call ended.</summary>
internal enum TokenOutcome
{
    /// <summary>Tokens were issued.</summary>
    Success,

    /// <summary>The grant is dead (revoked, expired, app uninstalled): the user must connect again; never retried.</summary>
    Terminal,

    /// <summary>The provider could not answer now (5xx, 429, timeout, network): retried with backoff.</summary>
    Transient,

    /// <summary>Mooring's own setup is wrong (client id or secret, token URL): neither retried nor the connection's fault.</summary>
    Configuration,
}
