namespace Mooring.Sync;

/// <summary>One page from a provider, and where to go next.</summary>
public sealed class SyncPage
{
    /// <summary>Creates a page.</summary>
    public SyncPage(IReadOnlyList<SyncItem> items, string? nextPageToken, string? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        NextPageToken = nextPageToken;
        Cursor = cursor;
    }

    /// <summary>The records, and deletions, in the page.</summary>
    public IReadOnlyList<SyncItem> Items { get; }

    /// <summary>The token of the next page of the same pass, or <see langword="null"/> on the last page.</summary>
    public string? NextPageToken { get; }

    /// <summary>
    /// The change feed position this page reaches, when it has one: on the last page of a pass (Calendar's
    /// <c>nextSyncToken</c>), or on every page when resuming from it is safe (Stripe's newest event id).
    /// </summary>
    public string? Cursor { get; }
}
