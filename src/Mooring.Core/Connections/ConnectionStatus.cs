namespace Mooring.Connections;

/// <summary>Where a connection stands.</summary>
public enum ConnectionStatus
{
    /// <summary>Credentials are present and the last use of them worked.</summary>
    Active,

    /// <summary>The provider refused the grant for good (revoked, expired, app uninstalled); the end user must connect again.</summary>
    NeedsReconnect,

    /// <summary>Calls are failing for a reason that may pass (the provider is down, rate limits); Mooring keeps trying.</summary>
    Degraded,
}
