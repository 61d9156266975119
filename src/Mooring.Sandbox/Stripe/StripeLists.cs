using System.Globalization;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's cursor pagination: newest first, <c>limit</c> 1–100 (default 10), <c>starting_after</c> / <c>ending_before</c> an object id, <c>has_more</c>.</summary>
internal static class StripeLists
{
    public static StripeResponse Page(
        JsonObject args,
        string url,
        Func<string, long?> resolve,
        string kind,
        Func<long, bool, IEnumerable<(long Index, JsonNode Json)>> scan,
        long newest)
    {
        var limitText = args["limit"]?.GetValue<string>();
        var limit = 10;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return StripeErrors.Error(400, "invalid_request_error", $"Invalid integer: {limitText}", "parameter_invalid_integer", "limit");
        }

        List<(long Index, JsonNode Json)> items;
        bool hasMore;
        if (args["starting_after"]?.GetValue<string>() is { } after)
        {
            if (resolve(after) is not { } index)
            {
                return StripeErrors.Missing(kind, after, "starting_after");
            }

            items = [.. scan(index - 1, true).Take(limit + 1)];
            hasMore = items.Count > limit;
            items = [.. items.Take(limit)];
        }
        else if (args["ending_before"]?.GetValue<string>() is { } before)
        {
            if (resolve(before) is not { } index)
            {
                return StripeErrors.Missing(kind, before, "ending_before");
            }

            items = [.. scan(index + 1, false).Take(limit + 1)];
            hasMore = items.Count > limit;
            items = [.. items.Take(limit).Reverse()];
        }
        else
        {
            items = [.. scan(newest, true).Take(limit + 1)];
            hasMore = items.Count > limit;
            items = [.. items.Take(limit)];
        }

        return StripeDialect.List(url, items.Select(i => i.Json), hasMore);
    }

    /// <summary>Pages over objects kept in creation order (subscriptions, invoices, events).</summary>
    public static StripeResponse Page(JsonObject args, string url, string kind, IReadOnlyList<JsonObject> oldestFirst, Func<JsonObject, bool> filter)
    {
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            positions[oldestFirst[i]["id"]!.GetValue<string>()] = i;
        }

        return Page(
            args,
            url,
            id => positions.TryGetValue(id, out var p) ? p : null,
            kind,
            (from, descending) => Scan(oldestFirst, from, descending).Where(p => filter(p.Json.AsObject())),
            oldestFirst.Count - 1);
    }

    private static IEnumerable<(long Index, JsonNode Json)> Scan(IReadOnlyList<JsonObject> items, long from, bool descending)
    {
        for (var i = from; descending ? i >= 0 : i < items.Count; i += descending ? -1 : 1)
        {
            yield return (i, items[(int)i].DeepClone());
        }
    }
}
