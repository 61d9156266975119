using System.Text.Json;
using Mooring.Providers.TokenResponses;

namespace Mooring.Webhooks;

/// <summary>Reads a catalog location: a JSON pointer into the body (<c>/id</c>) or a header (<c>header:X-GitHub-Delivery</c>).</summary>
internal static class WebhookLocation
{
    private const string HeaderPrefix = "header:";

    public static string? HeaderName(string? location) =>
        location is not null && location.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase) ? location[HeaderPrefix.Length..] : null;

    public static bool IsPointer(string? location) => location is not null && location.StartsWith('/');

    public static string? Read(string? location, in WebhookRequest request, JsonElement? body)
    {
        if (location is null)
        {
            return null;
        }

        if (HeaderName(location) is { } header)
        {
            return request.Header(header) is { Length: > 0 } value ? value : null;
        }

        return body is { } root ? JsonPointer.String(root, location) : null;
    }
}
