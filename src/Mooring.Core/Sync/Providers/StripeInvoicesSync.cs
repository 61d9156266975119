namespace Mooring.Sync.Providers;

/// <summary>Stripe invoices: <c>/v1/invoices</c>, then <c>invoice.*</c> events; <c>invoice.deleted</c> (drafts) deletes.</summary>
public sealed class StripeInvoicesSync() : StripeObjectSync("v1/invoices", "type=invoice.*")
{
    /// <inheritdoc/>
    public override string Model => "stripe-invoices";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["invoice.*"];

    /// <inheritdoc/>
    protected override bool IsDeletion(string eventType) => eventType == "invoice.deleted";
}
