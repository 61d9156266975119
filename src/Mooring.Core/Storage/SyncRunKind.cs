namespace Mooring.Storage;

/// <summary>What started a sync run and how much it reads.</summary>
public enum SyncRunKind
{
    /// <summary>Everything, with deletions detected from what was not seen.</summary>
    Full,

    /// <summary>Changes since the cursor.</summary>
    Incremental,

    /// <summary>A short run triggered by a webhook.</summary>
    Webhook,
}
