namespace Mooring.Sandbox;

/// <summary>
/// How many records each emulated model holds at start. Records are generated on demand from the seed,
/// so a million records cost no more memory than ten.
/// </summary>
public sealed class SandboxDataOptions
{
    /// <summary>Gets or sets the number of Stripe customers.</summary>
    /// <value>The default value is 25.</value>
    public long StripeCustomers { get; set; } = 25;

    /// <summary>Gets or sets the number of GitHub issues in each repository.</summary>
    /// <value>The default value is 75.</value>
    public long GitHubIssues { get; set; } = 75;

    /// <summary>Gets or sets the number of Slack channels.</summary>
    /// <value>The default value is 5.</value>
    public long SlackChannels { get; set; } = 5;

    /// <summary>Gets or sets the number of messages in each Slack channel.</summary>
    /// <value>The default value is 40.</value>
    public long SlackMessages { get; set; } = 40;

    /// <summary>Gets or sets the number of Gmail messages in the mailbox.</summary>
    /// <value>The default value is 30.</value>
    public long GmailMessages { get; set; } = 30;

    /// <summary>Gets or sets the number of events in each calendar.</summary>
    /// <value>The default value is 30.</value>
    public long CalendarEvents { get; set; } = 30;

    /// <summary>
    /// Gets or sets how many changes a sync token or history id may lag behind before it is too old
    /// (Calendar answers 410 Gone, Gmail history.list 404).
    /// </summary>
    /// <value>The default value is 10,000 changes.</value>
    public long ChangeRetention { get; set; } = 10_000;
}
