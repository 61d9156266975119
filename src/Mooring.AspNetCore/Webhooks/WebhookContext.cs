using System.Text.Json;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>One event handed to the handlers, and the way to make their writes exactly-once.</summary>
public sealed class WebhookContext
{
    private readonly List<Func<StoreTransaction, CancellationToken, Task>> _writes = [];
    private JsonDocument? _json;

    internal WebhookContext(WebhookEventRecord webhookEvent, ConnectionId? connectionId, IServiceProvider services)
    {
        Event = webhookEvent;
        ConnectionId = connectionId;
        Services = services;
    }

    /// <summary>The stored event: provider, the provider's event id, type, raw body, kept headers, attempts.</summary>
    public WebhookEventRecord Event { get; }

    /// <summary>The provider that sent it.</summary>
    public ProviderKey Provider => Event.Provider;

    /// <summary>The provider's event type, such as <c>payment_intent.succeeded</c>.</summary>
    public string? EventType => Event.EventType;

    /// <summary>The connection the event belongs to: from the endpoint's connection segment, or found by the payload's account.</summary>
    public ConnectionId? ConnectionId { get; }

    /// <summary>Which attempt this is, from 1.</summary>
    public int Attempt => Event.Attempts;

    /// <summary>The scope's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The body parsed as JSON (parsed once, on first use).</summary>
    /// <exception cref="JsonException">The body is not JSON (Google channel notifications have none).</exception>
    public JsonElement Json => (_json ??= JsonDocument.Parse(Event.Body)).RootElement;

    internal IReadOnlyList<Func<StoreTransaction, CancellationToken, Task>> Writes => _writes;

    /// <summary>
    /// Runs <paramref name="write"/> in the same database transaction that marks the event completed, after every handler
    /// has returned. The write and the mark commit together or not at all, and the write runs only while this worker still
    /// holds the event, so its effect happens exactly once however often the provider delivered the event.
    /// </summary>
    public void Enlist(Func<StoreTransaction, CancellationToken, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _writes.Add(write);
    }

    internal void Release() => _json?.Dispose();
}
