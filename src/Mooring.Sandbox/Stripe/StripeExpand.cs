using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// Stripe's <c>expand[]</c>: each dotted path replaces an id by its object (<c>latest_invoice.payment_intent</c>), and
/// <c>latest_invoice.confirmation_secret</c> fills in the field the 2025+ API versions only return when expanded.
/// In lists, paths start with <c>data.</c> as Stripe requires.
/// </summary>
internal static class StripeExpand
{
    public static JsonNode Apply(StripeAccount account, JsonNode result, JsonObject args)
    {
        var paths = args["expand"] switch
        {
            JsonArray array => array.Select(p => p!.GetValue<string>()),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        foreach (var path in paths)
        {
            Walk(account, result, path.Split('.'), 0);
        }

        return result;
    }

    private static void Walk(StripeAccount account, JsonNode? node, string[] path, int depth)
    {
        if (depth >= path.Length || node is not JsonObject obj)
        {
            return;
        }

        var field = path[depth];
        if (field == "data" && obj["data"] is JsonArray items)
        {
            foreach (var item in items)
            {
                Walk(account, item, path, depth + 1);
            }

            return;
        }

        if (field == "confirmation_secret" && obj["object"]?.GetValue<string>() == "invoice")
        {
            obj[field] = obj["payment_intent"] is { } pi && Resolve(account, Id(pi)) is { } intent
                ? new JsonObject { ["client_secret"] = intent["client_secret"]!.DeepClone(), ["type"] = "payment_intent" }
                : null;
            return;
        }

        if (obj[field] is JsonValue value && value.TryGetValue<string>(out var id) && Resolve(account, id) is { } expanded)
        {
            obj[field] = expanded;
        }

        Walk(account, obj[field], path, depth + 1);
    }

    private static string? Id(JsonNode node) => node is JsonValue v ? v.GetValue<string>() : node["id"]?.GetValue<string>();

    private static JsonNode? Resolve(StripeAccount account, string? id)
    {
        if (id is null)
        {
            return null;
        }

        lock (account.Sync)
        {
            return id[..Math.Max(0, id.IndexOf('_', StringComparison.Ordinal) + 1)] switch
            {
                "in_" => account.Invoices.GetValueOrDefault(id)?.DeepClone(),
                "pi_" => account.PaymentIntents.GetValueOrDefault(id)?.DeepClone(),
                "sub_" => account.Subscriptions.GetValueOrDefault(id)?.DeepClone(),
                "cus_" => account.CustomerIndex(id) is { } i && account.Customers.Get(i) is { } r ? StripeCustomers.Render(account, r) : null,
                _ => null,
            };
        }
    }
}
