using System.Text;
using System.Text.Json.Serialization;
using Mooring.Storage;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>An event as the management API shows it; the body only in the detail view.</summary>
internal sealed record WebhookEventDto(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("connection_id")] string? ConnectionId,
    [property: JsonPropertyName("account")] string? Account,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset NextAttemptAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
    [property: JsonPropertyName("last_error")] string? LastError)
{
    [JsonPropertyName("headers")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("body")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Body { get; init; }

    [JsonPropertyName("body_base64")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BodyBase64 { get; init; }

    [JsonPropertyName("deliveries")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<object>? Deliveries { get; init; }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static WebhookEventDto From(WebhookEventRecord e) => new(
        e.Id, e.Provider.Value, e.EventId, e.EventType, e.ConnectionId?.Value, e.AccountRef, StatusText.Of(e.Status), e.Attempts, e.ReceivedAt, e.NextAttemptAt, e.CompletedAt, e.LastError);

    public static WebhookEventDto Detail(WebhookEventRecord e, IReadOnlyList<object> deliveries)
    {
        string? text = null;
        try
        {
            text = StrictUtf8.GetString(e.Body);
        }
        catch (DecoderFallbackException)
        {
            // shown as base64 below
        }

        return From(e) with { Headers = e.Headers, Body = text, BodyBase64 = text is null ? Convert.ToBase64String(e.Body) : null, Deliveries = deliveries };
    }
}
