namespace Mooring.Sync;

/// <summary>A registered model.</summary>
/// <param name="Provider">The provider key.</param>
/// <param name="Model">The model's name.</param>
/// <param name="FullSchedule">The effective full-sync cron expression.</param>
/// <param name="IncrementalSchedule">The effective incremental cron expression.</param>
public sealed record SyncModelInfo(string Provider, string Model, string FullSchedule, string IncrementalSchedule);
