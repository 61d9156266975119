using System.Text.Json.Serialization;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>The JSON answer to a provider: a status, a stable code and a reason, never a secret or an expected signature.</summary>
internal sealed record WebhookAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("reason")] string Reason);
