namespace Mooring.Sync.Providers;

/// <summary>Stripe subscriptions, canceled ones included (<c>status=all</c>), then <c>customer.subscription.*</c> events; <c>customer.subscription.deleted</c> is a cancellation, kept with its <c>canceled</c> status, as Stripe keeps it.</summary>
public sealed class StripeSubscriptionsSync : SyncDefinition
{
    private readonly StripeFeed _feed = new("v1/subscriptions?status=all", "type=customer.subscription.*", type => false);

    /// <inheritdoc/>
    public override string Provider => "stripe";

    /// <inheritdoc/>
    public override string Model => "stripe-subscriptions";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["customer.subscription.*"];

    /// <inheritdoc/>
    public override Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken) => _feed.CursorAsync(context, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListAllAsync(context, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListChangesAsync(context, cursor, cancellationToken);
}
