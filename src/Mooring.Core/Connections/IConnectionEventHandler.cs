namespace Mooring.Connections;

/// <summary>
/// Receives connection events. Register any number with <c>services.AddSingleton&lt;IConnectionEventHandler, MyHandler&gt;()</c>;
/// each is called in turn, and one that throws is logged without stopping the others or the operation that raised the event.
/// </summary>
public interface IConnectionEventHandler
{
    /// <summary>Handles <paramref name="connectionEvent"/>.</summary>
    Task HandleAsync(ConnectionEvent connectionEvent, CancellationToken cancellationToken);
}
