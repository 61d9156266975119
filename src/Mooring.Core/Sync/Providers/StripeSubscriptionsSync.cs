namespace Mooring.Sync.Providers;

/// <summary>Stripe subscriptions, canceled ones included (<c>status=all</c>), then <c>customer.subscription.*</c> events; <c>customer.subscription.deleted</c> is a cancellation, kept with its <c>canceled</c> status, as Stripe keeps it.</summary>
public sealed class StripeSubscriptionsSync() : StripeObjectSync("v1/subscriptions?status=all", "type=customer.subscription.*")
{
    /// <inheritdoc/>
    public override string Model => "stripe-subscriptions";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["customer.subscription.*"];

    /// <inheritdoc/>
    protected override bool IsDeletion(string eventType) => false;
}
