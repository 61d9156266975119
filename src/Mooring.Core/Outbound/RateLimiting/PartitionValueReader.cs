using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Reads the value of a partition parameter (Slack's <c>channel</c>) from the query, a form body or a top-level JSON
/// property, buffering the body so that the request can still be sent.
/// </summary>
internal static class PartitionValueReader
{
    public static async ValueTask<string?> ReadAsync(HttpRequestMessage request, string parameter, CancellationToken cancellationToken)
    {
        if (FromQuery(request, parameter) is { } fromQuery)
        {
            return fromQuery;
        }

        var content = request.Content;
        if (content is null || content.Headers.ContentLength is > RateLimitingConstants.MaxPartitionBodyBytes)
        {
            return null;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        var isForm = string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isForm && !IsJson(content.Headers.ContentType))
        {
            return null;
        }

        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return isForm ? HttpUtility.ParseQueryString(body)[parameter] : FromJson(body, parameter);
    }

    public static string? FromQuery(HttpRequestMessage request, string parameter) =>
        request.RequestUri is { IsAbsoluteUri: true, Query.Length: > 1 } uri ? HttpUtility.ParseQueryString(uri.Query)[parameter] : null;

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string? FromJson(string body, string parameter)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(parameter, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
