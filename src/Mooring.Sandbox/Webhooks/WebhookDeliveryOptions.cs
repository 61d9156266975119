namespace Mooring.Sandbox.Webhooks;

/// <summary>How faithfully, or unfaithfully, a batch of webhooks is delivered. Every choice is drawn from <see cref="Seed"/>.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Gets or sets the seed of the delivery order and of which messages are repeated.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the chance, from 0 to 1, that a message is delivered a second time (same id, same body, fresh signature).</summary>
    /// <value>The default value is 0.</value>
    public double DuplicateRate { get; set; }

    /// <summary>Gets or sets a value indicating whether the batch is delivered in a seeded random order instead of the given one.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool OutOfOrder { get; set; }

    /// <summary>Gets or sets how far in the past the signed timestamp lies (a replayed or long-delayed delivery).</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>: signed now.</value>
    public TimeSpan Staleness { get; set; }
}
