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

    public string[] Keys(RequestPlan plan)
    {
        var names = _names.GetValueOrDefault(plan.NamesKey, DefaultNames);
        if (plan.LearnedKeys is { } known && ReferenceEquals(known.Names, names))
        {
            return known.Keys;
        }

        var keys = Array.ConvertAll(names, name => Key(plan, name));
        plan.LearnedKeys = new KeySet(names, keys, [.. plan.Demands, .. keys.Select(BucketDemand.PauseOnly)]);
        return keys;
    }

    /// <summary>The plan's demands with those of its learnt limits: their pauses, policies and slow-downs.</summary>
    public IReadOnlyList<BucketDemand> Demands(RequestPlan plan, long now)
    {
        Keys(plan);
        var known = plan.LearnedKeys!;
        List<BucketDemand>? demands = null;
        foreach (var key in known.Keys)
        {
            if (_windows.TryGetValue(key, out var window))
            {
                window.AddDemands(ref demands, known.BaseDemands, key, now, shape, slowDownBelow);
            }
        }

        // Without a learned policy or slow-down, the plan's demands and the pause checks, made once per plan.
        return demands ?? (IReadOnlyList<BucketDemand>)known.BaseDemands;
    }

    public Grant Granted(RequestPlan plan, long now)
    {
        var keys = Keys(plan);
        var sequences = new long[keys.Length];
        List<(string, TimeSpan)>? pauses = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var (sequence, exhausted) = _windows.GetOrAdd(keys[i], static _ => new LearnedWindow()).Grant(now);
            sequences[i] = sequence;
            if (exhausted is { } pause)
            {
                (pauses ??= []).Add((keys[i], pause));
            }
        }

        return new Grant(plan, keys, sequences, pauses ?? (IReadOnlyList<(string, TimeSpan)>)[]);
    }

    /// <summary>Learns from the limits a response reported; returns the pauses of limits it says are used up.</summary>
    public IReadOnlyList<(string Key, TimeSpan Pause)> Observe(Grant grant, IReadOnlyList<LimitReading> readings, long now)
    {
        if (readings.Count == 0)
        {
            return [];
        }

        var pauses = new List<(string, TimeSpan)>();
        string[] names = [.. readings.Select(r => r.Name).Distinct(StringComparer.Ordinal)];
        var current = _names.GetValueOrDefault(grant.Plan.NamesKey, DefaultNames);
        if (!current.AsSpan().SequenceEqual(names))
        {
            _names[grant.Plan.NamesKey] = names; // only a change makes the plans' cached keys stale
        }

        foreach (var reading in readings)
        {
            var key = Key(grant.Plan, reading.Name);
            var sequence = grant.SequenceOf(key);
            if (_windows.GetOrAdd(key, _ => new LearnedWindow()).Observe(reading, sequence, now) is { } pause)
            {
                pauses.Add((key, pause));
            }
        }

        return pauses;
    }

    private static string Key(RequestPlan plan, string name) => $"{plan.ConnectionScope}:r:{name}";

    /// <summary>A granted call: its plan, its sequence number under each learnt limit, and the pauses it caused.</summary>
    /// <summary>A call let through: its plan and, for each learned key, the sequence number of the call under it.</summary>
    internal sealed record Grant(RequestPlan Plan, string[] Keys, long[] Sequences, IReadOnlyList<(string Key, TimeSpan Pause)> Pauses)
    {
        /// <summary>A grant for a response whose request was not let through by the limiter: no sequence numbers.</summary>
        public static Grant Without(RequestPlan plan) => new(plan, [], [], []);

        public long SequenceOf(string key)
        {
            var index = Array.IndexOf(Keys, key);
            return index >= 0 ? Sequences[index] : 0;
        }
    }

    /// <summary>The keys of a plan's learned limits, the names they were made from, and the plan's demands with a pause check on each key.</summary>
    internal sealed record KeySet(string[] Names, string[] Keys, BucketDemand[] BaseDemands);
}
