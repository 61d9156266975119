namespace Mooring.AspNetCore.Webhooks;

/// <summary>Wakes idle workers when something new is stored, so that they need not poll often.</summary>
internal sealed class WebhookSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next pulse, after <paramref name="timeout"/>, or on cancellation; never throws.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        await Volatile.Read(ref _next).Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
