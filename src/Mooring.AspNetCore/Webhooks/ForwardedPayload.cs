using System.Buffers;
using System.Text.Json;
using Mooring.Storage;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// The body forwarded to the host app, a Standard Webhooks payload: <c>{"type", "timestamp", "data"}</c> where data holds
/// the event's metadata and the provider's payload as JSON (or base64 when it is not JSON). The same bytes on every attempt.
/// </summary>
internal static class ForwardedPayload
{
    public static byte[] Create(WebhookEventRecord e)
    {
        var buffer = new ArrayBufferWriter<byte>(e.Body.Length + 512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", e.EventType is null ? e.Provider.Value : $"{e.Provider.Value}.{e.EventType}");
            json.WriteString("timestamp", e.ReceivedAt);
            json.WriteStartObject("data");
            json.WriteNumber("id", e.Id);
            json.WriteString("provider", e.Provider.Value);
            json.WriteString("event_id", e.EventId);
            json.WriteString("event_type", e.EventType);
            json.WriteString("connection_id", e.ConnectionId?.Value);
            json.WriteString("account", e.AccountRef);
            json.WriteString("received_at", e.ReceivedAt);
            WritePayload(json, e.Body);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePayload(Utf8JsonWriter json, byte[] body)
    {
        if (body.Length == 0)
        {
            json.WriteNull("payload");
        }
        else if (IsJson(body))
        {
            json.WritePropertyName("payload");
            json.WriteRawValue(body, skipInputValidation: true);
        }
        else
        {
            json.WriteBase64String("payload_base64", body);
        }
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
