using System.Diagnostics.Metrics;

namespace Mooring.Sandbox.Hosting;

/// <summary>The sandbox's meter: requests, injected faults and rate-limit answers, by provider and endpoint.</summary>
internal static class SandboxMetrics
{
    public const string MeterName = "Mooring.Sandbox";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("mooring.sandbox.requests", "{request}", "Requests that reached an emulated endpoint.");

    public static readonly Counter<long> Faults = Meter.CreateCounter<long>("mooring.sandbox.faults", "{fault}", "Faults injected.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("mooring.sandbox.rate_limited", "{request}", "Requests answered with the provider's rate-limit response.");
}
