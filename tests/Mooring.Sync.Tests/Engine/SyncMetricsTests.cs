using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Engine;

/// <summary>The <c>Mooring.Sync</c> meter counts runs and record changes by model.</summary>
public sealed class SyncMetricsTests
{
    [Fact]
    public async Task FullRun_CountsTheRunAndTheRecordsAdded()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Mooring.Sync")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        await using var host = await SyncHost.StartAsync(o => o.Data.StripeCustomers = 77);
        var stripe = await host.StripeAsync("stripe-metrics");

        (await host.RunAsync(stripe, "stripe-customers", SyncRunKind.Full)).ShouldNotBeNull().Status.ShouldBe(SyncRunStatus.Succeeded);

        measurements.ShouldContain(m => m.Instrument == "mooring.sync.records" && m.Value == 77 && (string?)m.Tags["change"] == "added" && (string?)m.Tags["model"] == "stripe-customers");
        measurements.ShouldContain(m => m.Instrument == "mooring.sync.runs" && (string?)m.Tags["status"] == "succeeded" && (string?)m.Tags["kind"] == "full");
    }
}
