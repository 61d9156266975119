using System.Text.Json.Serialization;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary>An attempt of a call to a provider as the management API shows it (snake_case, as the webhook listings): no secret, the path is a template.</summary>
internal sealed record RequestLogEntryDto(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("connection_id")] string? ConnectionId,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("trace_id")] string? TraceId)
{
    public static RequestLogEntryDto From(RequestLogEntry e) =>
        new(e.Id, e.At, e.Provider.Value, e.ConnectionId?.Value, e.Method, e.Path, e.Status, e.DurationMs, e.Attempt, e.ErrorCategory, e.TraceId);
}
