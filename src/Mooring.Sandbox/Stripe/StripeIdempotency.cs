using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// Stripe's Idempotency-Key: the first result of a key is kept for 24 hours and replayed (with
/// <c>Idempotent-Replayed: true</c>) for the same parameters; other parameters under the same key are a 400
/// idempotency_error. Validation failures (400), rate limits and server errors are not kept, as Stripe documents.
/// </summary>
internal sealed class StripeIdempotency(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public (StripeResponse Response, string RequestId)? Replay(string apiKey, string key, string fingerprint, out StripeResponse? conflict)
    {
        conflict = null;
        if (!_entries.TryGetValue(apiKey + "\n" + key, out var entry) || entry.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        if (entry.Fingerprint != fingerprint)
        {
            conflict = StripeErrors.Error(400, "idempotency_error", $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
            return null;
        }

        return (new StripeResponse(entry.Response.Status, entry.Response.Body.DeepClone()), entry.RequestId);
    }

    public void Store(string apiKey, string key, string fingerprint, StripeResponse response, string requestId)
    {
        if (response.Status is 400 or 429 or >= 500)
        {
            return;
        }

        _entries[apiKey + "\n" + key] = new Entry(fingerprint, new StripeResponse(response.Status, response.Body.DeepClone()), requestId, time.GetUtcNow().AddHours(24));
    }

    private sealed record Entry(string Fingerprint, StripeResponse Response, string RequestId, DateTimeOffset ExpiresAt);
}
