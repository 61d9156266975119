namespace Mooring.Connections;

/// <summary>How connections are made, refreshed and ended (configuration section <c>Mooring:Connections</c>).</summary>
public sealed class ConnectionsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Connections";

    /// <summary>How many times a token request that failed transiently (5xx, 429, timeout, network) is retried, with exponential backoff and jitter.</summary>
    /// <value>The default value is 3.</value>
    public int TokenRequestRetries { get; set; } = ConnectionsConstants.TokenRequestRetries;

    /// <summary>The base delay of those retries; each retry waits about twice as long as the last, randomised.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan TokenRequestRetryDelay { get; set; } = ConnectionsConstants.TokenRequestRetryDelay;

    /// <summary>How long one token, revocation or code-exchange request may take.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TokenRequestTimeout { get; set; } = ConnectionsConstants.TokenRequestTimeout;

    /// <summary>How long a started authorization (its <c>state</c>) is accepted.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan AuthorizationLifetime { get; set; } = ConnectionsConstants.AuthorizationLifetime;

    /// <summary>How long a connect link made by the management API can be opened.</summary>
    /// <value>The default value is 30 minutes.</value>
    public TimeSpan ConnectLinkLifetime { get; set; } = ConnectionsConstants.ConnectLinkLifetime;

    /// <summary>
    /// The public base URL of this Mooring (such as <c>https://mooring.example.com</c>): the OAuth redirect URI is this plus
    /// <c>/connect/callback</c>, and connect links start with it. Register that redirect URI with every provider.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: taken from each request's scheme, host and path base.</value>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How often Mooring looks for OAuth connections whose access token would expire before the next look, and refreshes
    /// them, so that a connection nobody uses for a while keeps a live grant (rotating refresh tokens such as Slack's
    /// expire with their access token). <see cref="TimeSpan.Zero"/> turns background refresh off.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan BackgroundRefreshInterval { get; set; } = ConnectionsConstants.BackgroundRefreshInterval;

    /// <summary>Where the browser goes after a connection succeeded, with <c>connection_id</c> and <c>provider</c> added to the query.</summary>
    /// <value>The default value is <see langword="null"/>: Mooring shows a page saying the connection worked.</value>
    public string? SuccessUrl { get; set; }

    /// <summary>Where the browser goes after a connection failed or was declined, with <c>error</c> and <c>error_description</c> added.</summary>
    /// <value>The default value is <see langword="null"/>: Mooring shows a page explaining what happened.</value>
    public string? FailureUrl { get; set; }
}
