namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Counts the callers of a limiter that are parked: waiting for the clock (a reserved moment, a pause, a background
/// promotion), for their turn in the queue, or for a concurrency slot. A caller that waits for nothing else is not
/// counted. Tests on a fake clock wait for the count instead of sleeping: once every pending caller is parked, only the
/// clock (or a release) can move them.
/// </summary>
internal sealed class Parking
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _count;

    /// <summary>How many callers are parked now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes at the next change of <see cref="Count"/>; take it before reading the count.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Counts <paramref name="wait"/> as a parked caller until it completes; a completed wait costs nothing.</summary>
    public Task Park(Task wait)
    {
        if (wait.IsCompleted)
        {
            return wait;
        }

        Move(+1);

        // Synchronously at completion (inside the timer's callback or the release), so that once the clock has moved,
        // the count no longer holds the callers it woke.
        wait.ContinueWith(static (_, state) => ((Parking)state!).Move(-1), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return wait;
    }

    /// <inheritdoc cref="Park(Task)"/>
    public Task<T> Park<T>(Task<T> wait)
    {
        Park((Task)wait);
        return wait;
    }

    /// <summary>Counts <paramref name="by"/> callers more (or fewer) as parked, for waits that are not a task of their own.</summary>
    public void Move(int by)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _count += by;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
