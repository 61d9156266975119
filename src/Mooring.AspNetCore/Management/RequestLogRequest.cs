using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mooring.Outbound.Errors;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary>
/// A request for the outbound request log as text, as the management API (<see cref="RequestLogEndpoints"/>) and the
/// <c>mooring requests list</c> command both take it: read into a <see cref="RequestLogQuery"/> or refused with a
/// problem naming the field.
/// </summary>
internal static class RequestLogRequest
{
    /// <summary>
    /// A listing, from the query of <c>GET /api/requests</c>: <paramref name="since"/> an ISO 8601 time (UTC when it has
    /// no offset), <paramref name="category"/> comma-separated error categories, <paramref name="limit"/> 100 if omitted.
    /// </summary>
    public static bool TryQuery(
        string? provider, string? connection, string? since, long? before, int? limit, bool errors, string? category,
        [NotNullWhen(true)] out RequestLogQuery? query, [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (!QueryFields.TryProvider(provider, out var key, out problem)
            || !QueryFields.TryConnection(connection, out var id, out problem)
            || !QueryFields.TryOptional<DateTimeOffset>("since", since, TryTime, out var from, out problem)
            || !TryCategories(category, out var categories, out problem)
            || !QueryFields.TryLimit(limit, out var max, out problem))
        {
            return false;
        }

        query = new RequestLogQuery
        {
            Provider = key, ConnectionId = id, Since = from, Before = before, Limit = max, ErrorsOnly = errors, ErrorCategories = categories,
        };
        return true;
    }

    private static bool TryTime(string text, out DateTimeOffset time, [NotNullWhen(false)] out string? error)
    {
        error = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            ? null
            : $"'{text}' is not an ISO 8601 time such as 2026-11-28T22:00:00Z.";
        return error is null;
    }

    private static bool TryCategories(string? text, out IReadOnlyList<string> categories, [NotNullWhen(false)] out string? problem)
    {
        var names = new List<string>();
        categories = names;
        problem = null;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ErrorCategoryNames.All.Contains(name, StringComparer.Ordinal))
            {
                problem = $"category: '{name}' is not one of {string.Join(", ", ErrorCategoryNames.All)}.";
                return false;
            }

            names.Add(name);
        }

        return true;
    }
}
