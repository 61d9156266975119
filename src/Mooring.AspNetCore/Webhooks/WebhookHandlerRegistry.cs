using System.Collections.Frozen;
using Mooring.Connections;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>The handlers of each provider and event type, in registration order; those for any type run after the specific ones.</summary>
internal sealed class WebhookHandlerRegistry(IEnumerable<WebhookHandlerRegistration> registrations)
{
    private readonly FrozenDictionary<string, WebhookHandlerRegistration[]> _byProvider = registrations
        .GroupBy(r => r.Provider.Value, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<WebhookHandlerRegistration> For(ProviderKey provider, string? eventType)
    {
        if (!_byProvider.TryGetValue(provider.Value, out var all))
        {
            return [];
        }

        return [
            .. all.Where(r => eventType is not null && string.Equals(r.EventType, eventType, StringComparison.Ordinal)),
            .. all.Where(r => r.EventType == WebhookHandlerRegistration.AnyType),
        ];
    }
}
