using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Stripe;

/// <summary>/v1/customers: list (newest first, starting_after / ending_before), create, retrieve, update, delete.</summary>
internal static class StripeCustomers
{
    private static readonly string[] Writable = ["email", "name", "description", "phone"];

    public static JsonObject Render(StripeAccount account, RecordState record)
    {
        var id = account.CustomerId(record.Index);
        if (record.Deleted)
        {
            return new JsonObject { ["id"] = id, ["object"] = "customer", ["deleted"] = true };
        }

        var seed = account.Options.Seed;
        var (first, last) = Names.Person(seed, "stripe:customer", record.Index);
        var fields = account.Customers.Fields(record.Index) ?? [];
        var customer = new JsonObject
        {
            ["id"] = id,
            ["object"] = "customer",
            ["address"] = null,
            ["balance"] = 0,
            ["created"] = record.CreatedAt.ToUnixTimeSeconds(),
            ["currency"] = "usd",
            ["default_source"] = null,
            ["delinquent"] = false,
            ["description"] = record.Version > 0 && !fields.ContainsKey("description") ? Names.Sentence(seed, "stripe:description", record.Index, record.Version) : null,
            ["discount"] = null,
            ["email"] = $"{first}.{last}.{record.Index}@example.com".ToLowerInvariant(),
            ["invoice_prefix"] = id[^8..].ToUpperInvariant(),
            ["invoice_settings"] = new JsonObject { ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["name"] = $"{first} {last}",
            ["next_invoice_sequence"] = 1,
            ["phone"] = null,
            ["preferred_locales"] = new JsonArray(),
            ["shipping"] = null,
            ["tax_exempt"] = "none",
            ["test_clock"] = null,
        };
        foreach (var (name, value) in fields)
        {
            customer[name] = value?.DeepClone();
        }

        return customer;
    }

    public static StripeResponse List(StripeAccount account, JsonObject args)
    {
        var store = account.Customers;
        var email = args["email"]?.GetValue<string>();
        var created = StripeFilters.Created(args);
        var live = (IEnumerable<RecordState> records) => records.Where(r => !r.Deleted && created(r.CreatedAt.ToUnixTimeSeconds()))
            .Select(r => (Record: r, Json: Render(account, r)))
            .Where(c => email is null || c.Json["email"]?.GetValue<string>() == email);
        return StripeLists.Page(
            args,
            "/v1/customers",
            id => account.CustomerIndex(id) is { } i && store.Get(i) is not null ? i : null,
            "customer",
            (from, descending) => live(store.Scan(from, descending)).Select(c => (c.Record.Index, (JsonNode)c.Json)),
            store.Count - 1);
    }

    public static StripeResponse Create(StripeAccount account, JsonObject args)
    {
        if (args["source"]?.GetValue<string>() is { } source && StripeCards.DeclineCode(source) is { } decline)
        {
            return StripeErrors.CardDeclined(decline);
        }

        var fields = Fields(args, null);
        if (args["payment_method"]?.GetValue<string>() is { } pm && fields["invoice_settings"] is null)
        {
            fields["invoice_settings"] = Settings(pm);
        }

        var index = account.Customers.Create(account.Options.TimeProvider.GetUtcNow(), fields);
        return Render(account, account.Customers.Get(index)!.Value);
    }

    public static StripeResponse Retrieve(StripeAccount account, string id) =>
        account.CustomerIndex(id) is { } i && account.Customers.Get(i) is { } record
            ? Render(account, record)
            : StripeErrors.Missing("customer", id);

    public static StripeResponse Update(StripeAccount account, string id, JsonObject args)
    {
        if (account.CustomerIndex(id) is not { } i || account.Customers.Get(i) is not { Deleted: false } record)
        {
            return StripeErrors.Missing("customer", id);
        }

        account.Customers.Update(i, account.Options.TimeProvider.GetUtcNow(), Fields(args, Render(account, record)));
        return Render(account, account.Customers.Get(i)!.Value);
    }

    public static StripeResponse Delete(StripeAccount account, string id) =>
        account.CustomerIndex(id) is { } i && account.Customers.Delete(i, account.Options.TimeProvider.GetUtcNow())
            ? new JsonObject { ["id"] = id, ["object"] = "customer", ["deleted"] = true }
            : StripeErrors.Missing("customer", id);

    private static JsonObject Fields(JsonObject args, JsonObject? current)
    {
        var fields = new JsonObject();
        foreach (var name in Writable)
        {
            if (args[name] is { } value)
            {
                fields[name] = value.GetValue<string>() == string.Empty ? null : value.DeepClone();
            }
        }

        if (args["metadata"] is JsonObject metadata)
        {
            var merged = current?["metadata"]?.DeepClone().AsObject() ?? [];
            foreach (var (k, v) in metadata)
            {
                if (v?.GetValue<string>() is null or "")
                {
                    merged.Remove(k);
                }
                else
                {
                    merged[k] = v.DeepClone();
                }
            }

            fields["metadata"] = merged;
        }

        if (args["invoice_settings"]?["default_payment_method"]?.GetValue<string>() is { } pm)
        {
            fields["invoice_settings"] = Settings(pm);
        }

        return fields;
    }

    private static JsonObject Settings(string pm) =>
        new() { ["custom_fields"] = null, ["default_payment_method"] = pm, ["footer"] = null, ["rendering_options"] = null };
}
