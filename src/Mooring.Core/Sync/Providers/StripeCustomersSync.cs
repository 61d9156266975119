namespace Mooring.Sync.Providers;

/// <summary>Stripe customers: <c>/v1/customers</c>, then <c>customer.*</c> events; <c>customer.deleted</c> deletes.</summary>
public sealed class StripeCustomersSync() : StripeObjectSync("v1/customers", "types[]=customer.created&types[]=customer.updated&types[]=customer.deleted")
{
    /// <inheritdoc/>
    public override string Model => "stripe-customers";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["customer.created", "customer.updated", "customer.deleted"];

    /// <inheritdoc/>
    protected override bool IsDeletion(string eventType) => eventType == "customer.deleted";
}
