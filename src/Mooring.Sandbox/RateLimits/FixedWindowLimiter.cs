using System.Collections.Concurrent;

namespace Mooring.Sandbox.RateLimits;

/// <summary>
/// Fixed windows per key, on the sandbox's <see cref="TimeProvider"/>, so tests move past a window by advancing
/// a fake clock. Windows align to multiples of their length, like GitHub's hourly reset.
/// </summary>
internal sealed class FixedWindowLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public RateDecision Acquire(string key, int limit, TimeSpan length)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
        var window = _windows.AddOrUpdate(key, _ => new Window(start), (_, w) => w.Start == start ? w : new Window(start));
        lock (window)
        {
            var allowed = window.Used < limit;
            if (allowed)
            {
                window.Used++;
            }

            var reset = start + length;
            return new RateDecision(allowed, limit, window.Used, reset, reset - now);
        }
    }

    /// <summary>Gives one request back (GitHub does not count a 304 Not Modified against the limit).</summary>
    public void Refund(string key)
    {
        if (_windows.TryGetValue(key, out var window))
        {
            lock (window)
            {
                window.Used = Math.Max(0, window.Used - 1);
            }
        }
    }

    public int Used(string key) => _windows.TryGetValue(key, out var w) ? w.Used : 0;

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Used { get; set; }
    }
}
