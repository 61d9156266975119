using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>A sync tried to write after its lease on the connection and model passed to another run; nothing was written.</summary>
public sealed class SyncLeaseLostException : Exception
{
    /// <summary>Creates the exception for one connection and model.</summary>
    public SyncLeaseLostException(ConnectionId connectionId, string model)
        : base($"The sync of '{model}' for connection '{connectionId}' lost its lease to another run; its last page was not written.")
    {
        ConnectionId = connectionId;
        Model = model;
    }

    /// <summary>The connection.</summary>
    public ConnectionId ConnectionId { get; }

    /// <summary>The model.</summary>
    public string Model { get; }
}
