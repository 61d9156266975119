namespace Mooring.Storage;

/// <summary>What applying a page changed.</summary>
/// <param name="Added">Records new to the store (or back after a deletion).</param>
/// <param name="Updated">Records whose content changed.</param>
/// <param name="Unchanged">Records whose content hash was the same, not rewritten.</param>
/// <param name="Deleted">Records marked deleted.</param>
public readonly record struct SyncBatchResult(int Added, int Updated, int Unchanged, int Deleted);
