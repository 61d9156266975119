using System.Globalization;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// /v1/subscriptions: create (payment_behavior allow_incomplete, default_incomplete, error_if_incomplete; test cards
/// that decline), retrieve, list, update (cancel_at_period_end, metadata, default_payment_method) and cancel.
/// </summary>
internal static class StripeSubscriptions
{
    public static StripeResponse Create(StripeAccount account, JsonObject args)
    {
        if (args["customer"]?.GetValue<string>() is not { } customerId)
        {
            return StripeErrors.MissingParam("customer");
        }

        if (StripeCustomers.Retrieve(account, customerId) is not { Status: 200, Body: JsonObject customer } || customer["deleted"] is not null)
        {
            return StripeErrors.Missing("customer", customerId, "customer");
        }

        if (args["items"] is not JsonArray { Count: > 0 } items || items[0]?["price"]?.GetValue<string>() is not { } priceId)
        {
            return StripeErrors.MissingParam("items");
        }

        if (!priceId.StartsWith("price_", StringComparison.Ordinal))
        {
            return StripeErrors.Missing("price", priceId, "items[0][price]");
        }

        var behavior = args["payment_behavior"]?.GetValue<string>() ?? "allow_incomplete";
        var pm = args["default_payment_method"]?.GetValue<string>() ?? customer["invoice_settings"]?["default_payment_method"]?.GetValue<string>();
        var trial = args["trial_period_days"]?.GetValue<string>() is { } days ? long.Parse(days, CultureInfo.InvariantCulture) : (long?)null;
        var decline = StripeCards.DeclineCode(pm);
        if (behavior != "default_incomplete" && trial is null && pm is null)
        {
            return StripeErrors.Error(400, "invalid_request_error", "This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.", "resource_missing");
        }

        if (behavior == "error_if_incomplete" && decline is not null)
        {
            return StripeErrors.CardDeclined(decline);
        }

        var (status, invoiceStatus, piStatus) = (trial, behavior, decline) switch
        {
            ({ }, _, _) => ("trialing", "paid", (string?)null),
            (_, "default_incomplete", _) => ("incomplete", "open", "requires_payment_method"),
            (_, _, { }) => ("incomplete", "open", "requires_payment_method"),
            _ => ("active", "paid", "succeeded"),
        };
        var quantity = items[0]!["quantity"]?.GetValue<string>() is { } q ? long.Parse(q, CultureInfo.InvariantCulture) : 1;
        var price = StripeBilling.Price(account, priceId);
        var amount = trial is null ? price["unit_amount"]!.GetValue<long>() * quantity : 0;
        var subscription = StripeSubscriptionJson.Build(account, customerId, price, quantity, status, args, trial);
        lock (account.Sync)
        {
            var intent = piStatus is null ? null : StripeBilling.PaymentIntent(account, customerId, amount, pm, piStatus, behavior == "default_incomplete" ? null : decline);
            var invoice = StripeBilling.Invoice(account, subscription, amount, invoiceStatus, intent?["id"]!.GetValue<string>());
            subscription["latest_invoice"] = invoice["id"]!.DeepClone();
            if (intent is not null)
            {
                account.PaymentIntents[intent["id"]!.GetValue<string>()] = intent;
            }

            account.Invoices[invoice["id"]!.GetValue<string>()] = invoice;
            account.Subscriptions[subscription["id"]!.GetValue<string>()] = subscription;
            account.AddEvent("customer.subscription.created", subscription, null);
            account.AddEvent("invoice.created", invoice, null);
            account.AddEvent(invoiceStatus == "paid" ? "invoice.paid" : "invoice.payment_failed", invoice, null);
        }

        return Ok(account, subscription, args);
    }

    public static StripeResponse Retrieve(StripeAccount account, string id, JsonObject args)
    {
        lock (account.Sync)
        {
            return account.Subscriptions.TryGetValue(id, out var sub) ? Ok(account, sub, args) : StripeErrors.Missing("subscription", id);
        }
    }

    public static StripeResponse List(StripeAccount account, JsonObject args)
    {
        var customer = args["customer"]?.GetValue<string>();
        var status = args["status"]?.GetValue<string>();
        List<JsonObject> all;
        lock (account.Sync)
        {
            all = [.. account.Subscriptions.Values];
        }

        var page = StripeLists.Page(args, "/v1/subscriptions", "subscription", all, s =>
            (customer is null || s["customer"]!.GetValue<string>() == customer)
            && (status == "all" || (status is null ? s["status"]!.GetValue<string>() != "canceled" : s["status"]!.GetValue<string>() == status)));
        return page.Status == 200 ? StripeResponse.Ok(StripeExpand.Apply(account, page.Body, args)) : page;
    }

    public static StripeResponse Update(StripeAccount account, string id, JsonObject args)
    {
        lock (account.Sync)
        {
            if (!account.Subscriptions.TryGetValue(id, out var sub))
            {
                return StripeErrors.Missing("subscription", id);
            }

            if (sub["status"]!.GetValue<string>() == "canceled")
            {
                return StripeErrors.Error(400, "invalid_request_error", "A canceled subscription can only update its cancellation_details and metadata.");
            }

            var previous = new JsonObject();
            if (args["cancel_at_period_end"]?.GetValue<string>() is { } cancel)
            {
                var atEnd = cancel == "true";
                previous["cancel_at_period_end"] = sub["cancel_at_period_end"]!.DeepClone();
                previous["cancel_at"] = sub["cancel_at"]?.DeepClone();
                sub["cancel_at_period_end"] = atEnd;
                sub["cancel_at"] = atEnd ? sub["items"]!["data"]![0]!["current_period_end"]!.DeepClone() : null;
            }

            if (args["default_payment_method"] is { } pm)
            {
                previous["default_payment_method"] = sub["default_payment_method"]?.DeepClone();
                sub["default_payment_method"] = pm.DeepClone();
            }

            if (args["metadata"] is JsonObject metadata)
            {
                previous["metadata"] = sub["metadata"]!.DeepClone();
                foreach (var (k, v) in metadata)
                {
                    sub["metadata"]![k] = v?.GetValue<string>() is null or "" ? null : v.DeepClone();
                }
            }

            account.AddEvent("customer.subscription.updated", sub, previous);
            return Ok(account, sub, args);
        }
    }

    public static StripeResponse Cancel(StripeAccount account, string id, JsonObject args)
    {
        lock (account.Sync)
        {
            if (!account.Subscriptions.TryGetValue(id, out var sub))
            {
                return StripeErrors.Missing("subscription", id);
            }

            if (sub["status"]!.GetValue<string>() == "canceled")
            {
                return StripeErrors.Error(400, "invalid_request_error", $"No such subscription: '{id}'", "resource_missing", "id");
            }

            var now = account.Now;
            sub["status"] = "canceled";
            sub["canceled_at"] = now;
            sub["ended_at"] = now;
            sub["cancel_at_period_end"] = false;
            account.AddEvent("customer.subscription.deleted", sub, null);
            return Ok(account, sub, args);
        }
    }

    private static StripeResponse Ok(StripeAccount account, JsonObject sub, JsonObject args) =>
        StripeResponse.Ok(StripeExpand.Apply(account, sub.DeepClone(), args));
}
