using System.Collections.Concurrent;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Limits learnt from responses, per connection scope and limit name: <c>{scope}:r:{name}</c>, where the name is
/// GitHub's <c>x-ratelimit-resource</c> (core, search, graphql are separate limits), an IETF policy name or
/// <c>default</c>. Which names an endpoint class counts against is learnt from its responses too.
/// </summary>
internal sealed class LearnedLimits(PacingShape shape, double slowDownBelow)
{
    private static readonly string[] DefaultNames = [RateLimitingConstants.DefaultResource];

    private readonly ConcurrentDictionary<string, LearnedWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _names = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys(RequestPlan plan) =>
        _names.GetValueOrDefault(NamesKey(plan), DefaultNames).Select(name => Key(plan, name));

    /// <summary>The plan's demands with those of its learnt limits: their pauses, policies and slow-downs.</summary>
    public List<BucketDemand> Demands(RequestPlan plan, long now)
    {
        var demands = new List<BucketDemand>(plan.Demands);
        foreach (var key in Keys(plan))
        {
            demands.Add(BucketDemand.PauseOnly(key));
            if (_windows.TryGetValue(key, out var window))
            {
                window.AddDemands(demands, key, now, shape, slowDownBelow);
            }
        }

        return demands;
    }

    /// <summary>Counts a granted call against each learnt limit; the pauses are for limits now used up.</summary>
    public Grant Granted(RequestPlan plan, long now)
    {
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        var pauses = new List<(string, TimeSpan)>();
        foreach (var key in Keys(plan))
        {
            var (sequence, exhausted) = _windows.GetOrAdd(key, _ => new LearnedWindow()).Grant(now);
            sequences[key] = sequence;
            if (exhausted is { } pause)
            {
                pauses.Add((key, pause));
            }
        }

        return new Grant(plan, sequences, pauses);
    }

    /// <summary>Learns from the limits a response reported; returns the pauses of limits it says are used up.</summary>
    public List<(string Key, TimeSpan Pause)> Observe(Grant grant, IReadOnlyList<LimitReading> readings, long now)
    {
        var pauses = new List<(string, TimeSpan)>();
        if (readings.Count == 0)
        {
            return pauses;
        }

        _names[NamesKey(grant.Plan)] = [.. readings.Select(r => r.Name).Distinct(StringComparer.Ordinal)];
        foreach (var reading in readings)
        {
            var key = Key(grant.Plan, reading.Name);
            var sequence = grant.Sequences.GetValueOrDefault(key);
            if (_windows.GetOrAdd(key, _ => new LearnedWindow()).Observe(reading, sequence, now) is { } pause)
            {
                pauses.Add((key, pause));
            }
        }

        return pauses;
    }

    private static string NamesKey(RequestPlan plan) => plan.Provider + ":" + plan.EndpointClass;

    private static string Key(RequestPlan plan, string name) => $"{plan.ConnectionScope}:r:{name}";

    /// <summary>A granted call: its plan, its sequence number under each learnt limit, and the pauses it caused.</summary>
    internal sealed record Grant(RequestPlan Plan, IReadOnlyDictionary<string, long> Sequences, IReadOnlyList<(string Key, TimeSpan Pause)> Pauses);
}
