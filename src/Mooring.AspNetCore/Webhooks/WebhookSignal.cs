namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// Wakes idle workers when something new is stored, so that they need not poll often. A worker takes
/// <see cref="NextPulse"/> before it looks for work and waits on that, so a pulse between the look and the wait is not lost.
/// </summary>
internal sealed class WebhookSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes when <paramref name="pulse"/> does, after <paramref name="timeout"/>, or on cancellation; never throws.</summary>
    public static async Task WaitAsync(Task pulse, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        await pulse.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
