using System.Text.Json;
using Mooring.Outbound;

namespace Mooring.Sync.Providers;

/// <summary>What the Slack sync models share about Slack's Web API answers: <c>ok:false</c> errors and cursor pages.</summary>
internal static class SlackWebApi
{
    /// <summary>The <c>error</c> of an <c>ok:false</c> answer.</summary>
    public static string ErrorCode(JsonElement root) =>
        root.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 } code ? code : "unknown";

    /// <summary>The error for an <c>ok:false</c> answer to <paramref name="method"/>, classified like the outbound pipeline's.</summary>
    public static ProviderApiException Refused(SyncContext context, string method, string error) =>
        new($"Slack answered {method} with '{error}'.")
        {
            Category = error is "invalid_auth" or "token_revoked" or "token_expired" or "account_inactive" or "not_authed" ? ProviderErrorCategory.NeedsReconnect
                : error == "ratelimited" ? ProviderErrorCategory.RateLimited : ProviderErrorCategory.Validation,
            Provider = context.Connection.Provider,
            ConnectionId = context.Connection.Id,
            Operation = method,
            ProviderCode = error,
        };

    /// <summary>The next page's cursor (<c>response_metadata.next_cursor</c>), or <see langword="null"/> on the last page.</summary>
    public static string? NextCursor(JsonElement root) =>
        root.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next) && next.GetString() is { Length: > 0 } cursor ? cursor : null;
}
