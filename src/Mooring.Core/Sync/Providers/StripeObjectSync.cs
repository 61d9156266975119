namespace Mooring.Sync.Providers;

/// <summary>
/// A Stripe object kept in sync: the full pass pages its list endpoint (newest first, <c>starting_after</c>); changes
/// come from <c>/v1/events</c> of the given types, read forward from the newest event id seen, which is read before a
/// full pass starts. Derive from it for other Stripe objects (products, prices, …).
/// </summary>
public abstract class StripeObjectSync : SyncDefinition
{
    private readonly StripeFeed _feed;

    /// <summary>Creates the definition.</summary>
    /// <param name="listPath">The list endpoint, relative to the API base, with any fixed query (<c>v1/subscriptions?status=all</c>).</param>
    /// <param name="eventFilter">The <c>/v1/events</c> query selecting the object's events (<c>type=invoice.*</c>).</param>
    protected StripeObjectSync(string listPath, string eventFilter)
    {
        ArgumentException.ThrowIfNullOrEmpty(listPath);
        ArgumentException.ThrowIfNullOrEmpty(eventFilter);
        _feed = new StripeFeed(listPath, eventFilter, IsDeletion);
    }

    /// <inheritdoc/>
    public override string Provider => "stripe";

    /// <inheritdoc/>
    public override Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken) => _feed.CursorAsync(context, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListAllAsync(context, pageToken, cancellationToken);

    /// <inheritdoc/>
    public override Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken) =>
        _feed.ListChangesAsync(context, cursor, cancellationToken);

    /// <summary>Whether an event of <paramref name="eventType"/> means the object is gone (else it carries the object's new state).</summary>
    protected abstract bool IsDeletion(string eventType);
}
