using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>/v1/invoices (list by customer, subscription, status; retrieve) and /v1/events (list by type or types[]; retrieve).</summary>
internal static class StripeInvoices
{
    public static StripeResponse List(StripeAccount account, JsonObject args)
    {
        var customer = args["customer"]?.GetValue<string>();
        var subscription = args["subscription"]?.GetValue<string>();
        var status = args["status"]?.GetValue<string>();
        List<JsonObject> all;
        lock (account.Sync)
        {
            all = [.. account.Invoices.Values];
        }

        var page = StripeLists.Page(args, "/v1/invoices", "invoice", all, i =>
            (customer is null || i["customer"]!.GetValue<string>() == customer)
            && (subscription is null || i["subscription"]?.GetValue<string>() == subscription)
            && (status is null || i["status"]!.GetValue<string>() == status));
        return page.Status == 200 ? StripeResponse.Ok(StripeExpand.Apply(account, page.Body, args)) : page;
    }

    public static StripeResponse Retrieve(StripeAccount account, string id, JsonObject args)
    {
        lock (account.Sync)
        {
            return account.Invoices.TryGetValue(id, out var invoice)
                ? StripeResponse.Ok(StripeExpand.Apply(account, invoice.DeepClone(), args))
                : StripeErrors.Missing("invoice", id);
        }
    }

    public static StripeResponse Events(StripeAccount account, JsonObject args)
    {
        var type = args["type"]?.GetValue<string>();
        var types = (args["types"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var created = StripeFilters.Created(args);
        return StripeLists.Page(args, "/v1/events", "event", account.Events(), e =>
        {
            var t = e["type"]!.GetValue<string>();
            return (type is null || Matches(type, t)) && (types is null || types.Contains(t)) && created(e["created"]!.GetValue<long>());
        });
    }

    public static StripeResponse Event(StripeAccount account, string id) =>
        account.Events().FirstOrDefault(e => e["id"]!.GetValue<string>() == id) is { } evt
            ? StripeResponse.Ok(evt.DeepClone())
            : StripeErrors.Missing("event", id);

    /// <summary>Stripe's <c>type</c> filter accepts a trailing <c>*</c> wildcard (<c>customer.subscription.*</c>).</summary>
    private static bool Matches(string filter, string type) =>
        filter.EndsWith('*') ? type.StartsWith(filter[..^1], StringComparison.Ordinal) : filter == type;
}
