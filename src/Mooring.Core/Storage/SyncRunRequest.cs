namespace Mooring.Storage;

/// <summary>A run asked for by a person, the API or a webhook.</summary>
/// <param name="Kind">Full, incremental, or a short webhook-triggered incremental run.</param>
/// <param name="Force">For a full run: delete what the pass did not see even beyond the deletion guard's share.</param>
public sealed record SyncRunRequest(SyncRunKind Kind, bool Force = false);
