namespace Mooring.Hosting;

/// <summary>
/// The loop of a background service that makes one pass every interval on an injected clock (so that a test moves it
/// with <c>FakeTimeProvider</c>): no pass at all for a zero interval, and a failed pass reported without ending the loop.
/// </summary>
internal static class PeriodicPass
{
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> pass, Action<Exception> failed, CancellationToken stoppingToken)
    {
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
            }
        }
    }
}
