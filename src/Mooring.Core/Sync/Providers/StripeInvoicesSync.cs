namespace Mooring.Sync.Providers;

/// <summary>Stripe invoices: <c>/v1/invoices</c>, then <c>invoice.*</c> events; <c>invoice.deleted</c> (drafts) deletes.</summary>
public sealed class StripeInvoicesSync : SyncDefinition
{
    private readonly StripeFeed _feed = new("v1/invoices", "type=invoice.*", type => type == "invoice.deleted");

    /// <inheritdoc/>
    public override string Provider => "stripe";

    /// <inheritdoc/>
    public override string Model => "stripe-invoices";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["invoice.*"];

    /// <inheritdoc/>
    public override Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken) => _feed.CursorAsync(context, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListAllAsync(context, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListChangesAsync(context, cursor, cancellationToken);
}
