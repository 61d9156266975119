using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// Stripe's form encoding with bracket notation (<c>metadata[plan]=pro</c>, <c>items[0][price]=price_1</c>,
/// <c>expand[]=latest_invoice</c>) read into a JSON tree; all-numeric keys become arrays.
/// </summary>
internal static class StripeForm
{
    public static JsonObject Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var path = Split(key);
            var node = root;
            for (var i = 0; i < path.Count - 1; i++)
            {
                var name = path[i] == string.Empty ? node.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : path[i];
                if (!node.TryGetValue(name, out var child) || child is not Dictionary<string, object> dict)
                {
                    node[name] = dict = new Dictionary<string, object>(StringComparer.Ordinal);
                }

                node = dict;
            }

            var last = path[^1] == string.Empty ? node.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : path[^1];
            node[last] = value;
        }

        return ToJson(root) as JsonObject ?? [];
    }

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var pairs = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            pairs.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
        }

        return Parse(pairs);
    }

    private static List<string> Split(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var parts = new List<string> { key[..open] };
        while (open >= 0 && open < key.Length)
        {
            var close = key.IndexOf(']', open);
            if (close < 0)
            {
                break;
            }

            parts.Add(key[(open + 1)..close]);
            open = close + 1 < key.Length && key[close + 1] == '[' ? close + 1 : -1;
        }

        return parts;
    }

    private static JsonNode? ToJson(object value)
    {
        if (value is string s)
        {
            return JsonValue.Create(s);
        }

        var dict = (Dictionary<string, object>)value;
        if (dict.Count > 0 && dict.Keys.All(k => int.TryParse(k, out _)))
        {
            return new JsonArray([.. dict.OrderBy(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(p => ToJson(p.Value))]);
        }

        var obj = new JsonObject();
        foreach (var (k, v) in dict)
        {
            obj[k] = ToJson(v);
        }

        return obj;
    }
}
