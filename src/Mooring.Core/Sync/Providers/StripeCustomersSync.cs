namespace Mooring.Sync.Providers;

/// <summary>Stripe customers: <c>/v1/customers</c>, then <c>customer.*</c> events; <c>customer.deleted</c> deletes.</summary>
public sealed class StripeCustomersSync : SyncDefinition
{
    private readonly StripeFeed _feed = new("v1/customers", "types[]=customer.created&types[]=customer.updated&types[]=customer.deleted", type => type == "customer.deleted");

    /// <inheritdoc/>
    public override string Provider => "stripe";

    /// <inheritdoc/>
    public override string Model => "stripe-customers";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["customer.created", "customer.updated", "customer.deleted"];

    /// <inheritdoc/>
    public override Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken) => _feed.CursorAsync(context, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListAllAsync(context, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListChangesAsync(context, cursor, cancellationToken);
}
