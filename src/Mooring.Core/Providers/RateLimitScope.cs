namespace Mooring.Providers;

/// <summary>What a rate limit is counted across.</summary>
public enum RateLimitScope
{
    /// <summary>One count per connection (the provider's account, workspace, user or token).</summary>
    Connection,

    /// <summary>One count for the whole application (the provider's project or client id), across all connections.</summary>
    Application,
}
