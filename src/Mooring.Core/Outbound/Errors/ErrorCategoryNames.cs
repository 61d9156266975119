namespace Mooring.Outbound.Errors;

/// <summary>The names of <see cref="ProviderErrorCategory"/> in logs, metrics and the request log (<c>needs_reconnect</c>).</summary>
internal static class ErrorCategoryNames
{
    /// <summary>
    /// Not a <see cref="ProviderErrorCategory"/>: the caller cancelled the call. It gets its
    /// <see cref="OperationCanceledException"/> back; the request log and the call's outcome tag say so.
    /// </summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every name the request log writes: each category's, then <see cref="Cancelled"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ProviderErrorCategory>().Select(Of), Cancelled];

    public static string Of(ProviderErrorCategory category) => category switch
    {
        ProviderErrorCategory.Auth => "auth",
        ProviderErrorCategory.NeedsReconnect => "needs_reconnect",
        ProviderErrorCategory.RateLimited => "rate_limited",
        ProviderErrorCategory.NotFound => "not_found",
        ProviderErrorCategory.Validation => "validation",
        ProviderErrorCategory.ProviderUnavailable => "provider_unavailable",
        ProviderErrorCategory.Network => "network",
        ProviderErrorCategory.CircuitOpen => "circuit_open",
        _ => "unknown",
    };

    /// <summary>The category an HTTP status suggests before the body is read (for the request log of each attempt).</summary>
    public static ProviderErrorCategory? OfStatus(int status) => status switch
    {
        401 or 403 => ProviderErrorCategory.Auth,
        404 or 410 => ProviderErrorCategory.NotFound,
        408 => ProviderErrorCategory.ProviderUnavailable,
        429 => ProviderErrorCategory.RateLimited,
        >= 500 => ProviderErrorCategory.ProviderUnavailable,
        >= 400 => ProviderErrorCategory.Validation,
        _ => null,
    };

    /// <summary>Whether the same call may succeed later.</summary>
    public static bool IsRetryable(ProviderErrorCategory category) =>
        category is ProviderErrorCategory.RateLimited or ProviderErrorCategory.ProviderUnavailable
            or ProviderErrorCategory.Network or ProviderErrorCategory.CircuitOpen;
}
