using Mooring.Connections;

namespace Mooring.Storage;

/// <summary>One leased event to mark completed, with the writes that must commit with the mark.</summary>
/// <param name="Id">The event's store id.</param>
/// <param name="ConnectionId">The connection the event was routed to, recorded if the event had none.</param>
/// <param name="Writes">Writes to run in the completion's transaction, only if the lease is still held.</param>
public sealed record WebhookCompletion(long Id, ConnectionId? ConnectionId = null, Func<StoreTransaction, CancellationToken, Task>? Writes = null);
