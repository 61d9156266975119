namespace Mooring.Sandbox;

/// <summary>
/// The rate limits the emulators enforce, by default the real services' published ones.
/// Set <see cref="Enabled"/> to <see langword="false"/> to turn them all off.
/// </summary>
public sealed class SandboxRateLimitOptions
{
    /// <summary>Gets or sets a value indicating whether rate limits are enforced.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets Slack's tier 2 limit per minute (conversations.list).</summary>
    /// <value>The default value is 20 per minute.</value>
    public int SlackTier2PerMinute { get; set; } = 20;

    /// <summary>Gets or sets Slack's tier 3 limit per minute (conversations.history).</summary>
    /// <value>The default value is 50 per minute.</value>
    public int SlackTier3PerMinute { get; set; } = 50;

    /// <summary>Gets or sets Slack's special limit for chat.postMessage, per channel and second.</summary>
    /// <value>The default value is 1 per second.</value>
    public int SlackPostMessagePerSecond { get; set; } = 1;

    /// <summary>Gets or sets Stripe's limit per second for test-mode keys.</summary>
    /// <value>The default value is 25 per second (live mode is 100).</value>
    public int StripePerSecond { get; set; } = 25;

    /// <summary>Gets or sets GitHub's primary limit per token and hour.</summary>
    /// <value>The default value is 5,000 per hour.</value>
    public int GitHubPerHour { get; set; } = 5000;

    /// <summary>Gets or sets GitHub's secondary limit: requests per token and minute.</summary>
    /// <value>The default value is 900 per minute.</value>
    public int GitHubSecondaryPerMinute { get; set; } = 900;

    /// <summary>
    /// Gets or sets a value indicating whether GitHub answers an exceeded primary or secondary limit with 429 instead
    /// of 403. GitHub documents both; clients must treat either as a rate limit.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (403).</value>
    public bool GitHubUses429 { get; set; }

    /// <summary>Gets or sets Google's per-user limit per minute, across Gmail and Calendar.</summary>
    /// <value>The default value is 600 per minute.</value>
    public int GooglePerUserPerMinute { get; set; } = 600;

    /// <summary>
    /// Gets or sets a value indicating whether Google reports an exceeded limit as 429 RESOURCE_EXHAUSTED
    /// instead of 403 with reason <c>userRateLimitExceeded</c>. Both occur in practice.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (403).</value>
    public bool GoogleUses429 { get; set; }
}
