using System.Diagnostics.Metrics;

namespace Mooring.Retention;

/// <summary>The retention meter (<c>Mooring.Retention</c>): rows deleted by age, by table.</summary>
internal sealed class RetentionMetrics
{
    private readonly Counter<long> _purged;

    public RetentionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RetentionConstants.MeterName);
        _purged = meter.CreateCounter<long>("mooring.retention.purged", "{row}", "Rows deleted because they outlived their retention, by table.");
    }

    public void Purged(string table, int rows) => _purged.Add(rows, new KeyValuePair<string, object?>("table", table));
}
