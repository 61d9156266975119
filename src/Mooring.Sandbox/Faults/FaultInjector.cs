namespace Mooring.Sandbox.Faults;

/// <summary>
/// Decides which requests meet which fault. Each rule counts the requests it matches; whether match n fires is
/// a pure function of (seed, rule id, n), so faults replay exactly for the same seed and request order per endpoint,
/// even when requests to other endpoints interleave differently.
/// </summary>
internal sealed class FaultInjector(SandboxOptions options)
{
    /// <summary>The log keeps the latest entries only, so a long-running sandbox with a fault storm stays bounded.</summary>
    private const int LogCapacity = 10_000;

    private readonly Lock _sync = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly List<FaultLogEntry> _log = [];
    private int _nextId;

    public int Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_sync)
        {
            var id = ++_nextId;
            _rules.Add(new ActiveRule(id, rule));
            return id;
        }
    }

    public bool Remove(int id)
    {
        lock (_sync)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultLogEntry> Log()
    {
        lock (_sync)
        {
            return [.. _log];
        }
    }

    public (FaultRule Rule, FaultLogEntry Entry)? Next(string provider, string endpoint, string path)
    {
        lock (_sync)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if ((rule.Provider is not null && rule.Provider != provider) || !Matches(rule.Endpoint, endpoint, path))
                {
                    continue;
                }

                var n = active.Matched++;
                if (n < rule.SkipFirst || active.Hits >= (rule.MaxHits ?? int.MaxValue) || Draw(active.Id, n) >= rule.Probability)
                {
                    continue;
                }

                active.Hits++;
                var entry = new FaultLogEntry(active.Id, provider, endpoint, n, rule.Kind);
                if (_log.Count == LogCapacity)
                {
                    _log.RemoveAt(0);
                }

                _log.Add(entry);
                return (rule, entry);
            }

            return null;
        }
    }

    private static bool Matches(string? wanted, string endpoint, string path) =>
        wanted is null || wanted == endpoint || path.StartsWith(wanted, StringComparison.Ordinal);

    /// <summary>A uniform draw in [0, 1) from SplitMix64 over (seed, rule, n).</summary>
    private double Draw(int ruleId, long n)
    {
        var x = unchecked(((ulong)(uint)options.Seed << 32) ^ ((ulong)ruleId * 0x9E3779B97F4A7C15UL) ^ (ulong)n);
        return (SplitMix.Mix(x) >> 11) * (1.0 / (1UL << 53));
    }

    private sealed class ActiveRule(int id, FaultRule rule)
    {
        public int Id { get; } = id;

        public FaultRule Rule { get; } = rule;

        public long Matched { get; set; }

        public int Hits { get; set; }
    }
}
