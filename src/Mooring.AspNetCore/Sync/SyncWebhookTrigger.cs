using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Webhooks;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Sync;

/// <summary>
/// Turns a verified webhook of a model's event types into a request for a short incremental sync of the event's
/// connection. The sync reads the provider's current state, so duplicate and out-of-order deliveries cannot roll a
/// record back, and a burst of events coalesces into one pending request.
/// </summary>
internal static class SyncWebhookTrigger
{
    public static WebhookHandlerRegistration Registration(SyncDefinition definition) => new(
        ProviderKey.Parse(definition.Provider),
        WebhookHandlerRegistration.AnyType,
        (services, context, ct) => HandleAsync(definition, services.GetRequiredService<ISyncManager>(), context, ct));

    public static bool Matches(IReadOnlyList<string> types, string? eventType) =>
        eventType is not null && types.Any(t => t.EndsWith('*') ? eventType.StartsWith(t[..^1], StringComparison.Ordinal) : t == eventType);

    private static async Task HandleAsync(SyncDefinition definition, ISyncManager manager, WebhookContext context, CancellationToken cancellationToken)
    {
        if (context.ConnectionId is not { } connectionId || !Matches(definition.WebhookEventTypes, context.EventType))
        {
            return;
        }

        try
        {
            await manager.RequestAsync(connectionId, definition.Model, new SyncRunRequest(SyncRunKind.Webhook), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or ConnectionNotFoundException)
        {
            // The event was routed to a connection this model does not sync (another provider's, or one deleted since): nothing to do.
        }
    }
}
