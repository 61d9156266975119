using Microsoft.Extensions.Hosting;
using Mooring.Sandbox.Webhooks;

namespace Mooring.Server.Hosting;

/// <summary>
/// In sandbox mode nobody calls <see cref="SandboxWebhookSender.DeliverPendingAsync"/> by hand, as a test does: this
/// sends what the emulators have queued (Google Calendar's push notifications, to the address each <c>events.watch</c>
/// named) every <see cref="Interval"/>, as the providers would, by themselves.
/// </summary>
internal sealed class SandboxDelivery(SandboxWebhookSender sender) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await sender.DeliverPendingAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A receiver that hangs past the client's timeout: its notifications are dropped, as Google drops them.
            }
        }
    }
}
