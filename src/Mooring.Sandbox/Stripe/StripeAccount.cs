using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// The emulated Stripe account: generated customers (a sparse <see cref="RecordStore"/>), and the subscriptions,
/// invoices, payment intents and events written through the API. One lock serialises writes, as a single account would.
/// </summary>
internal sealed class StripeAccount
{
    private readonly List<JsonObject> _events = [];
    private long _next;

    public StripeAccount(SandboxOptions options)
    {
        Options = options;
        Idempotency = new StripeIdempotency(options.TimeProvider);
        Customers = new RecordStore("stripe:customers", options.Seed, options.Data.StripeCustomers, options.TimeProvider.GetUtcNow(), TimeSpan.FromHours(1), options.Data.ChangeRetention);
        Customers.Changed = change => AddEvent(
            change.Kind switch { ChangeKind.Created => "customer.created", ChangeKind.Deleted => "customer.deleted", _ => "customer.updated" },
            StripeCustomers.Render(this, Customers.Get(change.Index)!.Value),
            null);
    }

    public SandboxOptions Options { get; }

    public Webhooks.WebhookFeed Feed { get; } = new();

    public Lock Sync { get; } = new();

    public RecordStore Customers { get; }

    public StripeIdempotency Idempotency { get; }

    public Dictionary<string, JsonObject> Subscriptions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Invoices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> PaymentIntents { get; } = new(StringComparer.Ordinal);

    public long Now => Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    public IEnumerable<RecordStore> Stores() => [Customers];

    public string CustomerId(long index) => SandboxIds.Encode("cus_", Options.Seed, index);

    public long? CustomerIndex(string? id) => SandboxIds.Decode("cus_", Options.Seed, id);

    public string NewId(string prefix) => SandboxIds.Encode(prefix, Options.Seed, Interlocked.Increment(ref _next));

    public IReadOnlyList<JsonObject> Events()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    public JsonObject AddEvent(string type, JsonObject snapshot, JsonObject? previous)
    {
        var data = new JsonObject { ["object"] = snapshot.DeepClone() };
        if (previous is not null)
        {
            data["previous_attributes"] = previous;
        }

        var evt = new JsonObject
        {
            ["id"] = NewId("evt_"),
            ["object"] = "event",
            ["api_version"] = Options.StripeApiVersion,
            ["created"] = Now,
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = 0,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        lock (_events)
        {
            _events.Add(evt);
        }

        Feed.Add(new Webhooks.WebhookMessage(evt["id"]!.GetValue<string>(), type, evt.ToJsonString()));
        return evt;
    }
}
