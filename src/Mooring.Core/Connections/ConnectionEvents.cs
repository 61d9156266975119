using Microsoft.Extensions.Logging;

namespace Mooring.Connections;

/// <summary>Delivers events to every registered <see cref="IConnectionEventHandler"/>; a failing handler is logged and skipped.</summary>
internal sealed class ConnectionEvents(IEnumerable<IConnectionEventHandler> handlers, ILogger<ConnectionEvents> logger)
{
    public async Task RaiseAsync(ConnectionEvent connectionEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(connectionEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.EventHandlerFailed(logger, ex, handler.GetType().Name, connectionEvent.Kind, connectionEvent.Connection.Id.Value);
            }
        }
    }
}
