using System.Text.Json;
using Mooring.Storage;
using Mooring.Sync;

namespace Mooring.AspNetCore.Sync;

/// <summary>Sync states, runs and records as the management API shows them (snake_case).</summary>
internal static class SyncDto
{
    public static object From(SyncModelInfo m) => new { provider = m.Provider, model = m.Model, full_schedule = m.FullSchedule, incremental_schedule = m.IncrementalSchedule };

    public static object From(SyncStatus s) => new
    {
        model = s.Model,
        last_synced_at = s.LastSyncedAt,
        in_progress = s.InProgress,
        paused = s.Paused,
        requested = s.Requested is null ? null : Kind(s.Requested.Kind) + (s.Requested.Force ? " (forced)" : string.Empty),
        records = s.Records,
        change_sequence = s.ChangeSequence,
        last_run = s.LastRun is null ? null : From(s.LastRun),
    };

    public static object From(SyncRunRecord r) => new
    {
        id = r.Id,
        model = r.Model,
        kind = Kind(r.Kind),
        status = r.Status.ToString().ToLowerInvariant(),
        started_at = r.StartedAt,
        finished_at = r.FinishedAt,
        pages = r.Pages,
        added = r.Added,
        updated = r.Updated,
        deleted = r.Deleted,
        error = r.Error,
    };

    public static object From(StoredSyncRecord r) => new
    {
        id = r.RemoteId,
        deleted = r.Deleted,
        data = r.Deleted ? (JsonElement?)null : JsonDocument.Parse(r.Data).RootElement,
        first_seen_at = r.FirstSeenAt,
        modified_at = r.ModifiedAt,
        updated_at = r.UpdatedAt,
        cursor = r.ChangeSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Kind(SyncRunKind kind) => kind.ToString().ToLowerInvariant();
}
