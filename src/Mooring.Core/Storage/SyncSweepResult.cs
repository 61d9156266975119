namespace Mooring.Storage;

/// <summary>What a sweep found and did.</summary>
/// <param name="Unseen">Live records the pass did not see.</param>
/// <param name="Live">Live records before the sweep.</param>
/// <param name="Deleted">Records marked deleted: <paramref name="Unseen"/>, or 0 when the guard refused.</param>
/// <param name="Refused">Whether the guard refused to delete because <paramref name="Unseen"/> was too large a share.</param>
public readonly record struct SyncSweepResult(long Unseen, long Live, long Deleted, bool Refused);
