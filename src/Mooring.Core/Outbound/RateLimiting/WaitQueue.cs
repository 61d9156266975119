namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Orders the callers of this process that wait on the same buckets: a caller may try the buckets only when no caller
/// that sorts before it shares one of its keys. Interactive callers sort before background ones, then first come first
/// served; a background caller that has waited <see cref="RateLimitingOptions.BackgroundPromotionDelay"/> sorts as
/// interactive, so background work yields but is never starved.
/// </summary>
internal sealed class WaitQueue(TimeProvider time, TimeSpan promotionDelay, Parking parking)
{
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiters = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _sequence;

    /// <summary>Whether no caller waits on any of <paramref name="keys"/>: a newcomer would be first at once.</summary>
    public bool IsIdle(IReadOnlyCollection<string> keys)
    {
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                if (waiter.SharesKeyWith(keys))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public Waiter Enter(IReadOnlyCollection<string> keys, CallPriority priority)
    {
        lock (_lock)
        {
            var waiter = new Waiter(keys, priority, time.GetTimestamp(), ++_sequence);
            _waiters.Add(waiter);
            return waiter;
        }
    }

    /// <summary>Completes when <paramref name="waiter"/> is first among the waiters that share a key with it.</summary>
    public async ValueTask WaitTurnAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan untilPromotion;
            lock (_lock)
            {
                if (IsFirst(waiter))
                {
                    return;
                }

                changed = _changed.Task;
                untilPromotion = NextPromotion();
                waiter.Parked = true;
                parking.Move(+1);
            }

            try
            {
                await changed.WaitAsync(untilPromotion, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A background waiter was promoted: the order may have changed.
            }
            finally
            {
                lock (_lock)
                {
                    Unpark(waiter);
                }
            }
        }
    }

    /// <summary>Removes <paramref name="waiter"/> (served, cancelled or failed) and wakes the others to look again.</summary>
    public void Leave(Waiter waiter)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _waiters.Remove(waiter);
            Unpark(waiter);
            if (_waiters.Count == 0)
            {
                return; // whoever waits on the signal is a waiter: none is left to wake
            }

            // The woken stop counting as parked now, not when their continuations get a thread.
            foreach (var other in _waiters)
            {
                Unpark(other);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private void Unpark(Waiter waiter)
    {
        if (waiter.Parked)
        {
            waiter.Parked = false;
            parking.Move(-1);
        }
    }

    private bool IsFirst(Waiter waiter)
    {
        var now = time.GetTimestamp();
        var rank = Rank(waiter, now);
        foreach (var other in _waiters)
        {
            if (other != waiter && (Rank(other, now), other.Sequence).CompareTo((rank, waiter.Sequence)) < 0 && other.SharesKeyWith(waiter))
            {
                return false;
            }
        }

        return true;
    }

    private int Rank(Waiter waiter, long now) =>
        waiter.Priority == CallPriority.Interactive || time.GetElapsedTime(waiter.EnteredAt, now) >= promotionDelay ? 0 : 1;

    private TimeSpan NextPromotion()
    {
        var now = time.GetTimestamp();
        var next = Timeout.InfiniteTimeSpan;
        foreach (var waiter in _waiters)
        {
            var left = promotionDelay - time.GetElapsedTime(waiter.EnteredAt, now);
            if (waiter.Priority == CallPriority.Background && left > TimeSpan.Zero && (next == Timeout.InfiniteTimeSpan || left < next))
            {
                next = left;
            }
        }

        return next;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One caller in the queue.</summary>
    internal sealed class Waiter(IReadOnlyCollection<string> keys, CallPriority priority, long enteredAt, long sequence)
    {
        public CallPriority Priority { get; } = priority;

        public long EnteredAt { get; } = enteredAt;

        public long Sequence { get; } = sequence;

        /// <summary>Whether the waiter waits for the signal of a change (counted in <see cref="Parking"/>); under the queue's lock.</summary>
        public bool Parked { get; set; }

        public bool SharesKeyWith(Waiter other) => SharesKeyWith(other.Keys);

        public bool SharesKeyWith(IReadOnlyCollection<string> others)
        {
            foreach (var key in others)
            {
                if (keys.Contains(key))
                {
                    return true;
                }
            }

            return false;
        }

        private IReadOnlyCollection<string> Keys => keys;
    }
}
