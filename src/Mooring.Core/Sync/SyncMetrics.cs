using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// The sync meter and activity source (<c>Mooring.Sync</c>): runs by model, kind and outcome, their duration, and
/// record changes by model and kind of change; one span per run. Tags are model names, provider keys and fixed words,
/// never record content.
/// </summary>
internal static class SyncMetrics
{
    public const string Name = "Mooring.Sync";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("mooring.sync.runs", "{run}", "Sync runs ended, by provider, model, kind and status.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("mooring.sync.run.duration", "s", "Duration of sync runs, by provider, model, kind and status.");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("mooring.sync.records", "{record}", "Records added, updated and deleted by syncs, by provider, model and change.");

    public static Activity? StartRun(SyncRun run) => ActivitySource.StartActivity("sync run")
        ?.SetTag("mooring.provider", run.Definition.Provider)
        .SetTag("mooring.connection_id", run.Context.Connection.Id.Value)
        .SetTag("mooring.sync.model", run.Definition.Model)
        .SetTag("mooring.sync.kind", Word(run.Record.Kind))
        .SetTag("mooring.sync.run_id", run.Record.Id);

    public static void Ended(SyncRunRecord record, string provider)
    {
        var status = Word(record.Status);
        KeyValuePair<string, object?>[] tags = [new("provider", provider), new("model", record.Model), new("kind", Word(record.Kind)), new("status", status)];
        Runs.Add(1, tags);
        if (record.FinishedAt is { } end)
        {
            Duration.Record((end - record.StartedAt).TotalSeconds, tags);
        }

        Count(provider, record.Model, "added", record.Added);
        Count(provider, record.Model, "updated", record.Updated);
        Count(provider, record.Model, "deleted", record.Deleted);
    }

    private static void Count(string provider, string model, string change, long value)
    {
        if (value > 0)
        {
            Changes.Add(value, new KeyValuePair<string, object?>("provider", provider), new("model", model), new("change", change));
        }
    }

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
