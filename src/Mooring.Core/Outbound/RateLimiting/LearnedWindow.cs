namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// What the provider's headers said about one limit of one scope: its quota and window (IETF policies), and what is
/// left until the reset. Calls granted since a response was sent are taken off what it reported, since the provider
/// had not counted them yet.
/// </summary>
internal sealed class LearnedWindow
{
    private readonly Lock _lock = new();
    private int? _quota;
    private TimeSpan? _window;
    private int _largestSeen;
    private int? _remaining;
    private long _resetAt;
    private long _grants;

    private bool PolicyPaced => _quota is > 0 && _window > TimeSpan.Zero;

    /// <summary>The demands the learned limit puts on the next call under <paramref name="key"/>.</summary>
    /// <remarks>The list is made from <paramref name="baseDemands"/> when the first demand is added to it.</remarks>
    public void AddDemands(ref List<BucketDemand>? demands, IReadOnlyList<BucketDemand> baseDemands, string key, long now, PacingShape shape, double slowDownBelow)
    {
        lock (_lock)
        {
            if (PolicyPaced && _quota is { } quota && _window is { } window)
            {
                // A known quota and window pace exactly; a reset in whole seconds is too coarse to spread by.
                (demands ??= [.. baseDemands]).Add(BucketDemand.Paced(key + ":q", quota, window, 1, shape));
                return;
            }

            // Low on what is left: spread it evenly over the time to the reset.
            if (_remaining is > 0 and var remaining && _resetAt > now && remaining <= Math.Max(1, _largestSeen * slowDownBelow))
            {
                (demands ??= [.. baseDemands]).Add(new BucketDemand(key + ":s", TimeSpan.FromTicks((_resetAt - now) / remaining), TimeSpan.Zero, 1));
            }
        }
    }

    /// <summary>Counts a granted call; returns its sequence number and, when nothing is left, how long to pause.</summary>
    public (long Sequence, TimeSpan? Exhausted) Grant(long now)
    {
        lock (_lock)
        {
            _grants++;
            if (_remaining is { } remaining && _resetAt > now)
            {
                _remaining = remaining - 1;
                return (_grants, _remaining <= 0 && !PolicyPaced ? TimeSpan.FromTicks(_resetAt - now) : null);
            }

            return (_grants, null);
        }
    }

    /// <summary>Learns from a response to the call granted as <paramref name="sequence"/>; returns how long to pause when nothing is left.</summary>
    public TimeSpan? Observe(LimitReading reading, long sequence, long now)
    {
        lock (_lock)
        {
            _quota = reading.Window is not null ? reading.Limit ?? _quota : _quota;
            _window = reading.Window ?? _window;
            _largestSeen = Math.Max(_largestSeen, Math.Max(reading.Limit ?? 0, (reading.Remaining ?? 0) + 1));
            if (reading is not { Remaining: { } remaining, ResetAfter: { } resetAfter })
            {
                return null;
            }

            _remaining = remaining - (int)Math.Min(int.MaxValue, Math.Max(0, _grants - sequence));
            _resetAt = now + resetAfter.Ticks;

            // Paced by a known policy, only the provider's own "none left" pauses: the local count-down, with a reset in
            // whole seconds, would pause for most of a second that the pacing already keeps within the quota.
            var exhausted = PolicyPaced ? remaining <= 0 : _remaining <= 0;
            return exhausted && resetAfter > TimeSpan.Zero ? resetAfter : null;
        }
    }
}
